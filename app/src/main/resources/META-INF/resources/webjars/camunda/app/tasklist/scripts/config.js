// 诊改平台: Simplified Chinese by default; a browser that asks for English gets English.
// The webapps match only the first part of the browser language, hence "zh".
export default {
  // the product's name in the window title and the header (诊改 · 任务列表), not Camunda's
  app: { name: '任务列表', vendor: '诊改 ·' },
  // paths relative to app/tasklist/, without ".js": the product's look and login, names as 姓名, Camunda Forms in
  // Chinese with yyyy-MM-dd dates, 启动流程 only for who can start a process, the product's own pages (工作台, 消息通知) in the header
  // and the rows a task is about beside its form (相关数据), the school cycle's reports (诊断报告)
  customScripts: ['../zhengai/webapps', '../zhengai/person-names', 'scripts/forms-zh', 'scripts/start-process',
    'scripts/workbench-link', 'scripts/notifications-link', 'scripts/task-data', 'scripts/task-report'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  shortcuts: {
    claimTask: { key: 'ctrl+alt+c', description: '认领当前选中的任务' },
    focusFilter: { key: 'ctrl+shift+f', description: '聚焦到第一个过滤器' },
    focusList: { key: 'ctrl+alt+l', description: '聚焦到任务列表的第一个任务' },
    focusForm: { key: 'ctrl+alt+f', description: '聚焦到任务表单的第一个输入框' },
    startProcess: { key: 'ctrl+alt+p', description: '打开发起流程对话框' }
  }
};
