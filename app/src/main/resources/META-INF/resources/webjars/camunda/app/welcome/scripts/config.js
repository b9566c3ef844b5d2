// 诊改平台: Simplified Chinese by default; a browser that asks for English gets English.
// The webapps match only the first part of the browser language, hence "zh".
export default {
  // the product's name in the window title and the header (诊改 · 任务列表), not Camunda's
  app: { name: '首页', vendor: '诊改 ·' },
  customScripts: ['../zhengai/webapps', '../zhengai/person-names'],
  locales: {
    availableLocales: ['zh', 'en'],
    fallbackLocale: 'zh'
  },
  // the product's own pages, next to the webapps on the welcome page
  links: [
    {
      label: '工作台',
      href: '/workbench',
      description: '在浏览器中填写和查看本单位的目标指标、标准、重点任务与进度（表1–表8），导入导出 Excel'
    },
    {
      label: '消息通知',
      href: '/notifications',
      description: '发给本人和所在单位、角色的提醒、预警、升级和结果通知，标为已读；质管办在“通知渠道”中设置群机器人、查看发送记录'
    },
    {
      label: '校历',
      href: '/calendar',
      description: '学期、寒暑假、法定节假日与调休，以及按规则生成的各校历节点（流程截止日期）；院办负责人在此维护'
    },
    {
      label: '流程模型编辑器',
      href: '/models/editor',
      description: '流程负责人在浏览器中修改流程模型：检查改动与迁移影响后部署为新版本'
    }
  ]
};
