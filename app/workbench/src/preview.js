// The preview of an Excel import: what the file would create, change (old → new per cell), leave alone, and what
// it cannot take (conflicts with later edits, problems by sheet, row and column). Nothing is written until the
// person confirms; the page then sends the same file again without dryRun.
import { element } from './dom.js';

const dialog = document.getElementById('preview');
const body = document.getElementById('preview-body');
const confirmButton = document.getElementById('preview-confirm');
const cancelButton = document.getElementById('preview-cancel');

/** Shows a preview; resolves true when the person confirms, false when they cancel. */
export function showPreview(preview, fileName) {
  render(preview, fileName);
  if (!dialog.open) {
    dialog.showModal();
  }
  return new Promise(resolve => {
    const done = confirmed => {
      confirmButton.removeEventListener('click', onConfirm);
      cancelButton.removeEventListener('click', onCancel);
      resolve(confirmed);
    };
    const onConfirm = () => done(true);
    const onCancel = () => done(false);
    confirmButton.addEventListener('click', onConfirm);
    cancelButton.addEventListener('click', onCancel);
  });
}

export function closePreview() {
  dialog.close();
}

function render(preview, fileName) {
  const created = preview.created || [];
  const changed = preview.changed || [];
  const conflicts = preview.conflicts || [];
  const problems = preview.problems || [];
  body.replaceChildren();
  body.append(element('p', `文件：${fileName}${preview.sheet ? `，工作表「${preview.sheet}」` : ''}`));
  body.append(element('p', preview.refused ? `文件有误，未写入任何数据：问题 ${problems.length} 处`
    : `新建 ${created.length} 行，修改 ${changed.length} 行，未变 ${preview.unchanged || 0} 行，`
      + `冲突 ${conflicts.length} 行，问题 ${problems.length} 处`, 'summary'));
  if (preview.message) {
    body.append(element('p', preview.message, 'message'));
  }
  if (problems.length > 0) {
    body.append(section('问题（须改正文件后重新上传）', [ '工作表', '行', '列', '原因' ],
      problems.map(problem => [ problem.sheet, problem.row, problem.column, problem.message ]), 'problems'));
  }
  if (conflicts.length > 0) {
    body.append(section('冲突（导出后已被他人修改，不会覆盖）', [ '行', '关键列', '原因' ],
      conflicts.map(conflict => [ conflict.row, conflict.key, conflict.message ]), 'conflicts'));
  }
  if (created.length > 0) {
    body.append(section('新建', [ '行', '关键列', '内容' ], created.map(row => [ row.row, row.key,
      Object.entries(row.values || {}).filter(([ , value ]) => value !== '' && value !== null)
        .map(([ header, value ]) => `${header}：${value}`).join('；') ]), 'created'));
  }
  if (changed.length > 0) {
    body.append(section('修改', [ '行', '关键列', '改动（原 → 新）' ], changed.map(row => [ row.row, row.key,
      (row.cells || []).map(cell => `${cell.column}：${cell.before || '（空）'} → ${cell.after || '（空）'}`).join('；') ]),
    'changed'));
  }
  const ok = preview.ok === true;
  confirmButton.hidden = !ok;
  confirmButton.disabled = !ok;
  cancelButton.textContent = ok ? '取消' : '关闭';
}

function section(title, headers, rows, kind) {
  const wrapper = element('section', null, kind);
  wrapper.append(element('h3', title));
  const table = element('table');
  const head = element('tr');
  headers.forEach(header => head.append(element('th', header)));
  table.append(head);
  rows.forEach(cells => {
    const line = element('tr');
    cells.forEach(cell => line.append(element('td', cell === null || cell === undefined ? '' : String(cell))));
    table.append(line);
  });
  wrapper.append(table);
  return wrapper;
}
