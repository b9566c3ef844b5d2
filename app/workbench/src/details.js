// The panel beside the grid for the row the person picked: who owns it, its change history, and the actions that
// are not cell edits: progress reports on 表6 tasks, a new version of a 表7 standard.
import { call, getAll, getPage, refusal } from './api.js';
import { button, element, moment } from './dom.js';

const panel = document.getElementById('details');
const ACTIONS = { CREATED: '新建', CHANGED: '修改', DELETED: '删除' };
/** Changes shown at once; 加载更多 fetches the next ones. */
const HISTORY_PAGE = 20;

let shown = null;

/**
 * @param context { table, row (data), changeable, ownerText, today (the server's, which the training clock moves),
 *   onRowChanged(json), onReload() }
 */
export function showDetails(context) {
  shown = context;
  panel.hidden = false;
  const { table, row } = context;
  document.getElementById('details-title').textContent = `${table.sheetName} · 第 ${row.id} 号`;
  document.getElementById('details-owner').textContent = context.changeable
    ? `责任单位：${context.ownerText}（你可以修改）`
    : `只读：此行属于「${context.ownerText}」，由该单位修改`;
  document.getElementById('progress').hidden = table.id !== 'task-tracking';
  document.getElementById('version').hidden = table.id !== 'standards';
  document.getElementById('progress-message').textContent = '';
  document.getElementById('version-message').textContent = '';
  document.getElementById('progress-date').value = context.today;
  for (const id of [ 'progress-submit', 'version-submit' ]) {
    document.getElementById(id).disabled = !context.changeable;
  }
  loadHistory(context);
  if (table.id === 'task-tracking') {
    loadProgress(context);
  }
}

export function hideDetails() {
  shown = null;
  panel.hidden = true;
}

async function loadHistory(context) {
  const list = document.getElementById('history');
  list.replaceChildren();
  await loadHistoryPage(context, list, `/api/planning/changes?table=${context.table.id}&row=${context.row.id}&size=${HISTORY_PAGE}`);
}

/** Appends a page of the row's history, and under it 加载更多 while older changes remain. */
async function loadHistoryPage(context, list, path) {
  try {
    const page = await getPage(path);
    if (shown !== context) {
      return;
    }
    list.querySelector('.more')?.remove();
    if (page.total === 0) {
      list.append(element('li', '没有修改记录'));
    }
    list.append(...page.items.map(historyItem));
    if (page.next) {
      const more = element('li', null, 'more');
      more.append(button(`加载更多（共 ${page.total} 条，已显示 ${list.childElementCount} 条）`, 'load-more',
        () => loadHistoryPage(context, list, page.next)));
      list.append(more);
    }
  } catch (error) {
    list.append(element('li', error.message, 'message'));
  }
}

/** Who, when, what: and for each cell, old → new (a created row shows its values, a deleted one what it held). */
function historyItem(change) {
  const item = element('li', `${moment(change.changedAt)} ${change.changedBy} ${ACTIONS[change.action] || change.action}`);
  const cells = element('ul', null, 'cells');
  (change.cells || []).forEach(cell => cells.append(element('li', change.action === 'CHANGED'
    ? `${cell.column}：${cell.before || '（空）'} → ${cell.after || '（空）'}`
    : `${cell.column}：${change.action === 'DELETED' ? cell.before : cell.after}`)));
  if (cells.childElementCount > 0) {
    item.append(cells);
  }
  return item;
}

async function loadProgress(context) {
  const list = document.getElementById('progress-reports');
  list.replaceChildren();
  const reports = await getAll(`/api/planning/task-tracking/${context.row.id}/progress`);
  if (shown !== context) {
    return;
  }
  list.append(...reports.map(report => element('li',
    `${report.reportedOn} 完成 ${report.percent}%${report.note ? `：${report.note}` : ''}（${report.reportedBy}）`)));
}

document.getElementById('progress-form').addEventListener('submit', async event => {
  event.preventDefault();
  const context = shown;
  const message = document.getElementById('progress-message');
  const percent = document.getElementById('progress-percent').value;
  const { status, body } = await call('POST', `/api/planning/task-tracking/${context.row.id}/progress`, {
    percent: percent === '' ? null : Number(percent),
    note: document.getElementById('progress-note').value || null,
    reportedOn: document.getElementById('progress-date').value || null
  });
  if (status === 201) {
    message.textContent = `已填报：完成 ${percent}%`;
    document.getElementById('progress-note').value = '';
    message.className = 'message ok';
    context.onRowChanged(body);
    loadProgress(context);
    loadHistory(context);
  } else {
    message.textContent = refusal(status, body);
    message.className = 'message problem';
  }
});

document.getElementById('version-form').addEventListener('submit', async event => {
  event.preventDefault();
  const context = shown;
  const message = document.getElementById('version-message');
  const effectiveDate = document.getElementById('version-date').value || null;
  const { status, body } = await call('POST', `/api/planning/standards/${context.row.id}/versions`, { effectiveDate });
  if (status === 201) {
    message.textContent = `已建立第 ${body.version} 版`;
    message.className = 'message ok';
    context.onReload();
  } else {
    message.textContent = refusal(status, body);
    message.className = 'message problem';
  }
});
