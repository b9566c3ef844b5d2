// 诊改驾驶舱: a Cockpit plugin (Camunda's frontend plugin API, 7.14 and later), plain JavaScript, no build step.
// Cockpit imports this module because config.js names it in customScripts; each object below is one plugin:
// a page of its own (cockpit.route), its entry in Cockpit's menu (cockpit.navigation) and a card on the start page
// (cockpit.dashboard). The page reads GET /api/dashboard/cycles/{year}: the app's own API, with the viewer's own
// session, so each viewer sees what the app lets them see. It only reads, so it needs no CSRF token. Each unit and
// each major links its report (Word, GET /api/reports/…, which decides who may read it) and the year's 报告 page.

const PATH = '/zhengai-dashboard';
const API = '/api/dashboard/cycles/';

const STYLE = `
/* Cockpit's page area does not scroll; the board scrolls within it */
.zg-board { position: absolute; top: 0; bottom: 0; left: 0; right: 0; overflow: auto; padding: 16px 24px 32px; font-size: 14px; }
.zg-board h2 { margin: 0 0 4px; font-size: 22px; }
.zg-board h3 { margin: 24px 0 8px; font-size: 17px; }
.zg-board .zg-lead { color: #555; margin: 0 0 12px; }
.zg-board .zg-controls { display: flex; gap: 8px; align-items: center; margin-bottom: 8px; white-space: nowrap; }
.zg-board .zg-controls select { width: auto; }
.zg-board .zg-status { margin: 8px 0; color: #333; }
.zg-board .zg-status.zg-error { color: #b00020; font-weight: bold; }
.zg-board table { border-collapse: collapse; margin-bottom: 8px; }
.zg-board th, .zg-board td { border: 1px solid #ddd; padding: 4px 8px; vertical-align: top; text-align: left; }
.zg-board th { background: #f4f4f4; font-weight: 600; white-space: nowrap; }
.zg-board .zg-scroll { overflow-x: auto; }
.zg-badge { display: inline-block; padding: 1px 8px; border-radius: 10px; color: #fff; white-space: nowrap; }
.zg-badge.zg-DONE { background: #2e7d32; }
.zg-badge.zg-OPEN, .zg-badge.zg-WITH_UNIT, .zg-badge.zg-IN_PROGRESS { background: #1565c0; }
.zg-badge.zg-SUBMITTED { background: #00838f; }
.zg-badge.zg-RETURNED { background: #ef6c00; }
.zg-badge.zg-OVERDUE { background: #c62828; }
.zg-badge.zg-ENDED { background: #757575; }
.zg-board .zg-note { display: block; color: #666; font-size: 12px; }
.zg-board .zg-legend .zg-badge { margin-right: 6px; }
`;

const LEGEND = [['DONE', '已完成'], ['OPEN', '办理中'], ['SUBMITTED', '已提交'], ['RETURNED', '已退回'],
  ['OVERDUE', '逾期'], ['ENDED', '已结束']];

/** An element with attributes and children; text always goes in as text, never as HTML. */
function el(tag, attributes, ...children) {
  const element = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (value !== null && value !== undefined) {
      element.setAttribute(name, value);
    }
  });
  children.flat().forEach(child => {
    if (child !== null && child !== undefined) {
      element.append(child instanceof Node ? child : String(child));
    }
  });
  return element;
}

function badge(code, label, title) {
  return el('span', { class: 'zg-badge zg-' + code, title }, label);
}

/**
 * Cockpit's own page of a running instance; with the unit's sub-process selected in its activity tree (Cockpit reads
 * the selection from the search query in the address), so that it shows that unit's variables.
 */
function instanceLink(processInstanceId, activityInstanceId, content) {
  const selection = [{ type: 'activityInstanceIdIn', operator: 'eq', value: activityInstanceId }];
  const query = activityInstanceId ? '?searchQuery=' + encodeURIComponent(JSON.stringify(selection)) : '';
  return el('a', { href: '#/process-instance/' + encodeURIComponent(processInstanceId) + '/runtime' + query }, content);
}

function tasklistLink(api, taskId, content) {
  const appRoot = document.querySelector('base').getAttribute('app-root');
  return el('a', { href: appRoot + '/app/tasklist/' + encodeURIComponent(api.engine) + '/#/?task=' + encodeURIComponent(taskId) },
    content);
}

function monthDay(date) {
  return date ? date.substring(5) : '';
}

function cellContent(api, cell) {
  const label = cell.times > 1 ? cell.label + ' ×' + cell.times : cell.label;
  const detail = [cell.holder ? '办理：' + cell.holder : null, cell.due ? '截止 ' + cell.due : null,
    cell.ended ? '完成 ' + cell.ended : null].filter(Boolean).join('，');
  let content = badge(cell.state, label, detail || null);
  if (cell.taskId) {
    content = tasklistLink(api, cell.taskId, content);
  } else if (cell.running) {
    content = instanceLink(cell.processInstanceId, null, content);
  }
  const note = cell.due && !cell.ended ? '截止 ' + monthDay(cell.due) : cell.ended ? '完成 ' + monthDay(cell.ended) : null;
  return [content, note ? el('span', { class: 'zg-note' }, note) : null];
}

function unitName(row) {
  const name = row.subject ? row.unitName + ' · ' + row.subject : row.unitName;
  const shown = row.running ? instanceLink(row.processInstanceId, row.activityInstanceId, name) : name;
  return row.report ? [shown, el('a', { href: row.report, class: 'zg-report zg-note' }, '诊断报告（Word）')] : shown;
}

function overview(board) {
  // processes below the units (a major's) have rows of their own subjects, not a unit's state
  const unitProcesses = board.processes.filter(process => process.rows.some(row => !row.subject));
  const head = el('tr', null, el('th', null, '单位'), unitProcesses.map(process => el('th', null, process.name)),
    el('th', null, '升级'), el('th', null, '预警（未结 / 全年）'), el('th', null, '纠偏中'), el('th', null, '年末等级'),
    el('th', null, '报告'));
  const rows = board.units.map(unit => el('tr', { 'data-unit': unit.unit },
    el('th', null, unit.unitName),
    unitProcesses.map(process => {
      const status = unit.processes[process.key];
      return el('td', null, status ? badge(status.code, status.label, status.detail) : '—');
    }),
    el('td', null, unit.escalation ? unit.escalation.label : '—'),
    el('td', null, unit.openWarningInstanceId
      ? instanceLink(unit.openWarningInstanceId, null, unit.openWarnings + ' / ' + unit.warnings)
      : unit.openWarnings + ' / ' + unit.warnings),
    el('td', null, String(unit.corrections)),
    el('td', null, unit.grade || '—'),
    el('td', null, el('a', { href: unit.report, class: 'zg-report' }, '自我诊断报告（Word）'))));
  return el('section', null, el('h3', null, '各单位概览'),
    el('div', { class: 'zg-scroll' }, el('table', { class: 'zg-overview' }, el('thead', null, head), el('tbody', null, rows))));
}

function matrix(api, process) {
  const head = el('tr', null, el('th', null, process.rows.some(row => row.subject) ? '单位 · 诊改对象' : '单位'), el('th', null, '状态'),
    process.steps.map(step => el('th', { 'data-step': step.id }, step.name)), el('th', null, '升级'));
  const rows = process.rows.map(row => el('tr', { 'data-unit': row.unit || 'school', 'data-subject': row.subject || null },
    el('th', null, unitName(row)),
    el('td', null, badge(row.status.code, row.status.label, row.status.detail),
      el('span', { class: 'zg-note' }, row.status.detail)),
    process.steps.map(step => {
      const cell = row.cells[step.id];
      return el('td', { 'data-step': step.id }, cell ? cellContent(api, cell) : '');
    }),
    el('td', null, row.escalation ? row.escalation.label : '—')));
  return el('section', { 'data-process': process.key }, el('h3', null, process.name + '（单位 × 环节）'),
    el('div', { class: 'zg-scroll' }, el('table', { class: 'zg-matrix' }, el('thead', null, head), el('tbody', null, rows))));
}

function yearFromAddress(current) {
  const query = window.location.hash.split('?')[1];
  const year = Number(new URLSearchParams(query || '').get('year'));
  return Number.isInteger(year) && year >= 2000 && year <= 2100 ? year : current;
}

/** The current year is the server's (the training clock moves it in 演练模式), else the browser's. */
function renderBoard(node, api) {
  fetch('/api/me', { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
    .then(response => (response.ok ? response.json() : {}))
    .catch(() => ({}))
    .then(me => {
      if (node.isConnected) {
        renderBoardOf(node, api, me.year || new Date().getFullYear());
      }
    });
}

function renderBoardOf(node, api, current) {
  const chosen = yearFromAddress(current);
  const years = [];
  for (let year = Math.min(current - 3, chosen); year <= Math.max(current + 1, chosen); year++) {
    years.push(year);
  }
  const select = el('select', { id: 'zg-year', class: 'form-control', 'aria-label': '诊改年度' },
    years.map(year => el('option', { value: year, selected: year === chosen ? 'selected' : null }, year + ' 年')));
  const reload = el('button', { type: 'button', class: 'btn btn-default' }, '刷新');
  const status = el('p', { class: 'zg-status', role: 'status' });
  const content = el('div', { class: 'zg-content' });
  node.append(el('div', { class: 'zg-board' },
    el('style', null, STYLE),
    el('h2', null, '诊改驾驶舱'),
    el('p', { class: 'zg-lead' }, '各单位在学校年度诊改螺旋、年度工作计划等按单位运行的流程中所处的环节：逾期、退回、升级、预警与纠偏、年末等级。'
      + '点击单位打开其流程实例，点击待办环节打开任务。'),
    el('div', { class: 'zg-controls' }, el('label', { for: 'zg-year' }, '年度'), select, reload),
    el('p', { class: 'zg-legend' }, LEGEND.map(([code, label]) => badge(code, label))),
    status, content));

  const load = () => {
    status.className = 'zg-status';
    status.textContent = '正在加载…';
    content.replaceChildren();
    fetch(API + select.value, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(response => response.json().catch(() => ({})).then(body => ({ response, body })))
      .then(({ response, body }) => {
        if (!node.isConnected) {
          return; // Cockpit has left the page meanwhile
        }
        if (!response.ok) {
          throw new Error(body.message || '加载失败（HTTP ' + response.status + '）');
        }
        const board = body;
        if (board.processes.length === 0) {
          status.textContent = board.year + ' 年尚无按单位运行的流程。';
          return;
        }
        status.textContent = board.year + ' 年，' + (board.allUnits ? '全部单位' : '本单位') + '：共 ' + board.units.length + ' 个单位。';
        content.append(el('p', null, el('a', { id: 'zg-reports', href: '/reports?year=' + board.year }, board.year + ' 年度的全部报告')),
          overview(board), ...board.processes.map(process => matrix(api, process)));
      })
      .catch(error => {
        status.className = 'zg-status zg-error';
        status.textContent = error.message;
      });
  };
  // the year goes into the address, so that Back and a bookmark return to it; Cockpit then shows the page afresh
  select.addEventListener('change', () => {
    window.location.hash = '#' + PATH + '?year=' + select.value;
  });
  reload.addEventListener('click', load);
  load();
}

export default [
  {
    id: 'zhengai-dashboard-page',
    pluginPoint: 'cockpit.route',
    properties: { path: PATH, label: '诊改驾驶舱' },
    render: (node, { api }) => renderBoard(node, api)
  },
  {
    id: 'zhengai-dashboard',
    pluginPoint: 'cockpit.navigation',
    priority: 50,
    properties: { path: PATH },
    render: node => node.append(el('a', { href: '#' + PATH }, '诊改驾驶舱'))
  },
  {
    id: 'zhengai-dashboard-card',
    pluginPoint: 'cockpit.dashboard',
    priority: 50,
    render: node => node.append(el('div', { class: 'zg-card' },
      el('h3', null, '诊改驾驶舱'),
      el('p', null, '按年度查看各单位在诊改螺旋和年度工作计划中所处的环节、逾期与升级、预警与纠偏、年末等级。'),
      el('a', { href: '#' + PATH, class: 'btn btn-default' }, '打开诊改驾驶舱')))
  }
];
