// 诊改平台: the workbench (工作台) in Tasklist's header, where staff enter the data their tasks ask for.
export default {
  id: 'zhengai.workbench-link',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render: node => {
    const link = document.createElement('a');
    link.href = '/workbench';
    link.className = 'zhengai-workbench-link';
    link.textContent = '工作台';
    link.title = '填写和查看本单位的目标指标、标准、重点任务与进度（表1–表8）';
    node.appendChild(link);
  }
};
