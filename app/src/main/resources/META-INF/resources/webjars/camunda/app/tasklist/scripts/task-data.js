// 诊改平台: a tab beside a task's form, 相关数据, that shows the rows the task is about: the 工作台 at the table, year
// and unit the task's form links to, so a person reads (and, where they may, enters) them without leaving the task.
// The form is the one place that says which rows a task needs; this tab only follows its link.
const ENGINE = '/camunda/api/engine/engine/default';
const WORKBENCH_LINK = /\]\((\/workbench\?[^)\s]+)\)/;

async function read(path) {
  const response = await fetch(ENGINE + path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
  return response.ok ? response.json() : null;
}

/** The workbench address of the first link in the task's Camunda Form, its {{variables}} filled in; null if none. */
async function workbenchAddress(taskId) {
  const [form, variables] = await Promise.all([read(`/task/${taskId}/deployed-form`), read(`/task/${taskId}/form-variables`)]);
  const link = ((form && form.components) || []).map(component => WORKBENCH_LINK.exec(component.text || ''))
    .find(match => match);
  if (!link) {
    return null;
  }
  return link[1].replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name) => {
    const variable = variables && variables[name];
    return variable && variable.value !== null ? encodeURIComponent(variable.value) : '';
  });
}

export default {
  id: 'zhengai.task-data',
  pluginPoint: 'tasklist.task.detail',
  // after the form (1000), before the history (800)
  priority: 900,
  properties: { label: '相关数据' },
  render: (node, { taskId }) => {
    node.replaceChildren();
    workbenchAddress(taskId).then(address => {
      if (!address) {
        const none = document.createElement('p');
        none.textContent = '此任务不需要在工作台中填写数据。';
        node.appendChild(none);
        return;
      }
      const frame = document.createElement('iframe');
      frame.src = address;
      frame.title = '工作台';
      frame.className = 'zhengai-task-data';
      frame.style.cssText = 'width: 100%; height: 640px; border: 0;';
      node.appendChild(frame);
    });
  }
};
