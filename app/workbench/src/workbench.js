// 工作台: one of the chains' tables as an editable grid (Tabulator). Filters year and unit default to the person's
// unit and the current year, ?table=&year=&unit= opens exactly those rows. Rows the person may not change are
// read-only with their owner named; the server stays the authority and its Chinese problems are shown on the row
// and its cells.
import { TabulatorFull as Tabulator } from 'tabulator-tables';
import 'tabulator-tables/dist/css/tabulator_simple.min.css';
import './workbench.css';
import { call, get, getAll, problemsOf, refusal } from './api.js';
import { button, element } from './dom.js';
import { hideDetails, showDetails } from './details.js';
import { closePreview, showPreview } from './preview.js';

const UNIT_KINDS = [ 'FUNCTIONAL_DEPARTMENT', 'TEACHING_UNIT' ];
const OWNER_SEPARATOR = /[、，,；;/]/;

const tableSelect = document.getElementById('table');
const yearInput = document.getElementById('year');
const unitSelect = document.getElementById('unit');
const statusLine = document.getElementById('status');

let tables = [];
let units = [];
let grid = null;
let changeable = new Set();
let newRows = 0;

function setStatus(text, kind = '') {
  statusLine.textContent = text;
  statusLine.className = `status ${kind}`;
}

function currentTable() {
  return tables.find(table => table.id === tableSelect.value);
}

/** The column that holds a target's year (目标指标 年度), for tables not kept per year. */
function yearColumn(table) {
  return table.columns.find(column => column.header === '年度');
}

function usesYear(table) {
  return table.perYear || Boolean(yearColumn(table));
}

function yearQuery(table) {
  return table.perYear ? `?year=${yearInput.value}` : '';
}

function selectedUnit() {
  return units.find(unit => unit.id === unitSelect.value);
}

/** Whether a row's responsibility ("院办、教务处", "教务处（招生办）") names the unit. */
function namesUnit(ownerText, unit) {
  return (ownerText || '').split(OWNER_SEPARATOR).map(part => part.trim().replace(/[（(][^）)]*[）)]$/, ''))
    .some(name => name === unit.name || name === unit.fullName);
}

function isChangeable(data) {
  return data._new || changeable.has(data.id);
}

function ownerText(table, data) {
  return data[table.ownerColumn] || '（未填）';
}

/** The note column: the row's problems, or who owns a read-only row. */
function noteFormatter(table) {
  return cell => {
    const data = cell.getRow().getData();
    if (data._problems && data._problems.length > 0) {
      const list = element('ul', null, 'row-problems');
      data._problems.forEach(problem => list.append(element('li', problem.column ? `「${problem.column}」${problem.message}` : problem.message)));
      return list;
    }
    if (data._new) {
      return element('span', '新行，填好后点“保存”', 'row-new');
    }
    return isChangeable(data) ? element('span', '可修改', 'row-mine')
      : element('span', `只读：属于「${ownerText(table, data)}」`, 'row-readonly');
  };
}

function valueFormatter(column) {
  return cell => {
    const problem = (cell.getRow().getData()._cells || {})[column.header];
    const value = cell.getValue();
    cell.getElement().classList.toggle('cell-problem', Boolean(problem));
    cell.getElement().title = problem || '';
    if (column.computed) {
      // 表6's month states (已完成, 逾期, 滞后, …) are coloured by the stylesheet
      cell.getElement().dataset.state = value || '';
    }
    return document.createTextNode(value === null || value === undefined ? '' : String(value));
  };
}

function actionsFormatter(table) {
  return cell => {
    const row = cell.getRow();
    const data = row.getData();
    const actions = element('span', null, 'row-actions');
    if (data._new) {
      actions.append(button('保存', 'save', () => createRow(table, row)), button('取消', 'cancel', () => row.delete()));
    } else if (isChangeable(data)) {
      actions.append(button('删除', 'delete', () => deleteRow(table, row)));
    }
    return actions;
  };
}

function columnsOf(table) {
  const columns = [ { title: '提示', field: '_note', frozen: true, headerSort: false, width: 220, formatter: noteFormatter(table) } ];
  table.columns.forEach(column => {
    const definition = {
      title: column.required && !column.computed ? `${column.header} *` : column.header,
      field: column.key,
      formatter: valueFormatter(column),
      maxWidth: 360
    };
    if (!column.computed) {
      definition.editable = cell => isChangeable(cell.getRow().getData());
      definition.editor = column.allowed.length > 0 ? 'list' : 'input';
      if (column.allowed.length > 0) {
        definition.editorParams = { values: column.required ? column.allowed : [ '', ...column.allowed ] };
      }
    }
    if (column.allowed.length > 0) {
      // levels, kinds and states are filtered in the column's header
      definition.headerFilter = 'list';
      definition.headerFilterParams = { values: column.allowed, clearable: true };
    }
    columns.push(definition);
  });
  columns.push({ title: '操作', field: '_actions', frozen: true, headerSort: false, minWidth: 110, formatter: actionsFormatter(table) });
  return columns;
}

/** The row's values as the API takes them: every column the product does not compute. */
function payload(table, data) {
  const body = {};
  table.columns.filter(column => !column.computed).forEach(column => {
    body[column.key] = data[column.key] === undefined || data[column.key] === null ? '' : String(data[column.key]);
  });
  return body;
}

/** Shows the API's problems on the row and its cells, and keeps what the person typed so they can fix it. */
async function refuse(row, status, body) {
  const problems = status === 400 ? problemsOf(body) : [ { column: null, message: refusal(status, body) } ];
  const cells = {};
  problems.filter(problem => problem.column).forEach(problem => {
    cells[problem.column] = cells[problem.column] ? `${cells[problem.column]}；${problem.message}` : problem.message;
  });
  await row.update({ _problems: problems, _cells: cells });
  row.reformat();
  setStatus('未保存：请按提示修改', 'problem');
}

async function accept(row, json) {
  await row.update({ ...json, _key: json.id, _new: false, _problems: null, _cells: null });
  row.reformat();
}

async function changeRow(table, cell) {
  const row = cell.getRow();
  const data = row.getData();
  if (data._new) {
    return;
  }
  const { status, body } = await call('PUT', `/api/planning/${table.id}/${data.id}`, payload(table, data));
  if (status === 200) {
    await accept(row, body);
    setStatus(`已保存：${cell.getColumn().getDefinition().title.replace(/ \*$/, '')}`, 'ok');
  } else {
    await refuse(row, status, body);
  }
}

async function createRow(table, row) {
  const { status, body } = await call('POST', `/api/planning/${table.id}${yearQuery(table)}`, payload(table, row.getData()));
  if (status === 201 || status === 200) {
    changeable.add(body.id);
    await accept(row, body);
    setStatus(status === 201 ? '已新增一行' : '已有相同关键列的行，已按此修改', 'ok');
  } else {
    await refuse(row, status, body);
  }
}

async function deleteRow(table, row) {
  if (!window.confirm('删除此行？删除后不能恢复。')) {
    return;
  }
  const { status, body } = await call('DELETE', `/api/planning/${table.id}/${row.getData().id}`);
  if (status === 204) {
    row.delete();
    hideDetails();
    setStatus('已删除一行', 'ok');
  } else {
    await refuse(row, status, body);
  }
}

async function addRow() {
  const table = currentTable();
  const data = { _key: `new-${++newRows}`, _new: true };
  const unit = selectedUnit();
  if (unit) {
    data[table.ownerColumn] = unit.name;
  }
  const year = yearColumn(table);
  if (year && yearInput.value) {
    data[year.key] = yearInput.value;
  }
  const row = await grid.addRow(data, true);
  row.scrollTo();
}

/** The rows of the filters' year and unit. */
function visible(table, rows) {
  const unit = selectedUnit();
  const year = yearColumn(table);
  return rows.filter(row => (!unit || namesUnit(row[table.ownerColumn], unit))
    && (!year || !yearInput.value || String(row[year.key]) === yearInput.value));
}

async function load() {
  const table = currentTable();
  yearInput.disabled = !usesYear(table);
  remember();
  hideDetails();
  if (table.perYear && !/^\d{4}$/.test(yearInput.value)) {
    setStatus(`${table.sheetName}按年度保存：请填写年度`, 'problem');
    return;
  }
  setStatus('正在加载…');
  document.getElementById('template').href = `/api/planning/${table.id}/template`;
  document.getElementById('export').href = `/api/planning/${table.id}/export${yearQuery(table)}`;
  try {
    const [ rows, mine ] = await Promise.all([
      getAll(`/api/planning/${table.id}${yearQuery(table)}`),
      getAll(`/api/planning/${table.id}/changeable${yearQuery(table)}`)
    ]);
    changeable = new Set(mine);
    const shown = visible(table, rows).map(row => ({ ...row, _key: row.id }));
    if (grid) {
      grid.destroy();
    }
    grid = new Tabulator('#grid', {
      data: shown,
      index: '_key',
      columns: columnsOf(table),
      layout: 'fitDataStretch',
      height: '100%',
      placeholder: '没有符合条件的行',
      rowFormatter: row => {
        row.getElement().dataset.key = row.getData()._key;
      }
    });
    grid.on('cellEdited', cell => changeRow(table, cell));
    grid.on('rowClick', (event, row) => {
      const data = row.getData();
      if (!data._new) {
        showDetails({
          table, row: data, changeable: isChangeable(data), ownerText: ownerText(table, data), today: me.today,
          onRowChanged: json => accept(row, json), onReload: load
        });
      }
    });
    const mineShown = shown.filter(row => changeable.has(row.id)).length;
    setStatus(`${table.sheetName}：${shown.length} 行，其中你可以修改 ${mineShown} 行`);
  } catch (error) {
    setStatus(error.message, 'problem');
  }
}

/** Keeps the filters in the address, so that the page can be bookmarked and linked to. */
function remember() {
  const query = new URLSearchParams({ table: tableSelect.value });
  if (usesYear(currentTable()) && yearInput.value) {
    query.set('year', yearInput.value);
  }
  if (unitSelect.value) {
    query.set('unit', unitSelect.value);
  }
  history.replaceState(null, '', `${location.pathname}?${query}`);
}

async function importWorkbook(file) {
  const table = currentTable();
  const form = () => {
    const data = new FormData();
    data.append('file', file);
    if (table.perYear) {
      data.append('year', yearInput.value);
    }
    return data;
  };
  setStatus(`正在检查 ${file.name}…`);
  let { status, body } = await call('POST', `/api/planning/${table.id}/import?dryRun=true`, form());
  // 200: the preview, also of a file that cannot be read; 400: a request refused before any preview (no year, too big)
  let preview = status === 200 ? body : status === 400 ? { ok: false, refused: true, problems: problemsOf(body) }
    : { ok: false, refused: true, message: refusal(status, body) };
  setStatus(`请查看 ${file.name} 的导入预览`);
  while (await showPreview(preview, file.name)) {
    ({ status, body } = await call('POST', `/api/planning/${table.id}/import`, form()));
    if (status === 200) {
      closePreview();
      // the grid first, so that its own row count does not replace what the import did
      await load();
      setStatus(`已导入 ${file.name}：新建 ${body.created} 行，修改 ${body.changed} 行，未变 ${body.unchanged} 行`, 'ok');
      return;
    }
    preview = {
      ok: false,
      refused: true,
      message: `未写入任何数据：${refusal(status, body)}`,
      problems: status === 400 || status === 403 ? problemsOf(body) : [],
      conflicts: (body && body.conflicts) || []
    };
  }
  closePreview();
  setStatus('已取消导入，未写入任何数据');
}

async function start() {
  const params = new URLSearchParams(location.search);
  let me;
  try {
    [ me, tables, units ] = await Promise.all([ get('/api/me'), getAll('/api/planning/tables'), getAll('/api/organisation/units') ]);
  } catch (error) {
    setStatus(error.message, 'problem');
    return;
  }
  units = units.filter(unit => UNIT_KINDS.includes(unit.kind) || me.units.some(own => own.id === unit.id));
  document.getElementById('me').textContent = `${me.name}${me.units.length ? `（${me.units.map(unit => unit.name).join('、')}）` : ''}`;
  tableSelect.append(...tables.map(table => new Option(table.sheetName, table.id)));
  unitSelect.append(...units.map(unit => new Option(unit.name, unit.id)));
  tableSelect.value = tables.some(table => table.id === params.get('table')) ? params.get('table') : 'targets';
  yearInput.value = params.get('year') || me.year;
  const unit = params.has('unit') ? units.find(candidate => [ candidate.id, candidate.name ].includes(params.get('unit')))
    : units.find(candidate => me.units.some(own => own.id === candidate.id));
  unitSelect.value = unit ? unit.id : '';
  for (const filter of [ tableSelect, yearInput, unitSelect ]) {
    filter.addEventListener('change', load);
  }
  document.getElementById('filters').addEventListener('submit', event => event.preventDefault());
  document.getElementById('add').addEventListener('click', addRow);
  document.getElementById('import-file').addEventListener('change', event => {
    const file = event.target.files[0];
    event.target.value = '';
    if (file) {
      importWorkbook(file);
    }
  });
  await load();
}

start();
