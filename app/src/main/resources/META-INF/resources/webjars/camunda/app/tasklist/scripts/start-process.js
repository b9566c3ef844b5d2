// 诊改平台: Tasklist offers 启动流程 only to people who can start a process. Tasklist shows the button to everyone,
// and its dialog then lists nothing for a department head. The same query the dialog runs (latest, active,
// startable in Tasklist, with the engine's CREATE checks) tells whether there is anything to start; the button stays
// hidden (styles/user-styles.css) until it finds something.
const engineApi = document.querySelector('base').getAttribute('engine-api');
const startable = 'latest=true&active=true&startableInTasklist=true&startablePermissionCheck=true';

fetch(`${engineApi}engine/default/process-definition/count?${startable}`, {
  credentials: 'same-origin',
  headers: { Accept: 'application/json' }
})
  .then((response) => (response.ok ? response.json() : { count: 0 }))
  .then(({ count }) => document.documentElement.classList.toggle('zhengai-can-start-process', count > 0));
