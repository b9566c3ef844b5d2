// 诊改平台: Simplified Chinese by default; a browser that asks for English gets English.
// The webapps match only the first part of the browser language, hence "zh".
export default {
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  }
};
