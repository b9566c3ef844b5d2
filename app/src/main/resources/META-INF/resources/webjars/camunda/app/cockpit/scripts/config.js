// 诊改平台: Simplified Chinese by default; a browser that asks for English gets English.
// The webapps match only the first part of the browser language, hence "zh".
export default {
  // the 诊改驾驶舱 (path relative to app/cockpit/, without ".js")
  customScripts: ['scripts/zhengai-dashboard'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
