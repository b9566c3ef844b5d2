// 诊改平台: Simplified Chinese by default; a browser that asks for English gets English.
// The webapps match only the first part of the browser language, hence "zh".
export default {
  // the product's name in the window title and the header (诊改 · 任务列表), not Camunda's
  app: { name: '驾驶舱', vendor: '诊改 ·' },
  // scripts paths are relative to app/cockpit/, without ".js"; the last one is the 诊改驾驶舱
  customScripts: ['../zhengai/webapps', '../zhengai/person-names', 'scripts/zhengai-dashboard'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
