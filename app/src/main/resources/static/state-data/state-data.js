// 数据平台: the sources, a file uploaded to a file source and every run with its problems, through /api/data.
const csrf = {
  [document.querySelector('meta[name="csrf-header"]').content]: document.querySelector('meta[name="csrf-token"]').content,
};

function mapping(source) {
  const s = source.settings || {};
  if (source.kind === 'FILE') {
    const columns = s.columns ? Object.entries(s.columns).map(([column, code]) => `${column} → ${code}`).join('；')
      : `${s.indicatorColumn} → 指标，${s.valueColumn} → 数值`;
    return `工作表「${s.sheet}」；对象列「${s.subjectColumn}」；周期${s.periodColumn ? `列「${s.periodColumn}」` : ` ${s.period}`}；${columns}`
      + (s.folder ? `；文件夹 ${s.folder}` : '');
  }
  if (source.kind === 'JDBC') {
    return `${s.url}（${s.username || ''}）：${s.query}`;
  }
  return `POST /api/data/push/${source.code}`;
}

function row(body, values, className) {
  const tr = body.insertRow();
  if (className) {
    tr.className = className;
  }
  values.forEach((value) => {
    const cell = tr.insertCell();
    if (value && typeof value === 'object') {
      cell.className = value.className;
      cell.textContent = value.text;
    } else {
      cell.textContent = value ?? '';
    }
  });
  return tr;
}

function showRun(run) {
  $('run-detail').hidden = false;
  $('run-title').textContent = `第 ${run.id} 次运行（${run.sourceName}）：${run.statusLabel}`
    + (run.problems.length ? `，${run.problems.length} 处问题，未载入任何数据` : `，载入 ${run.rowsLoaded} 条读数`);
  $('run-problems').replaceChildren(...run.problems.map((problem) => {
    const item = document.createElement('li');
    item.textContent = problem;
    return item;
  }));
}

async function loadRuns() {
  const runs = await get('/api/data/runs?size=50');
  $('runs').replaceChildren();
  if (runs.length === 0) {
    row($('runs'), ['尚无运行记录']);
  }
  runs.forEach((run) => {
    const tr = row($('runs'), [run.id, run.sourceName, run.startedHowLabel, run.fileName, moment(run.startedAt), moment(run.endedAt),
      { text: run.statusLabel, className: run.status }, run.rowsRead, run.rowsLoaded, run.rowsRefused], 'run');
    tr.addEventListener('click', () => showRun(run));
  });
  return runs;
}

// 文件来源的对应关系: 质管办 edits a file source's mapping; the server checks it whole and saves all or nothing.
const MAPPING_FIELDS = { sheet: 'mapping-sheet', subjectColumn: 'mapping-subject-column', periodColumn: 'mapping-period-column',
  period: 'mapping-period', folder: 'mapping-folder', indicatorColumn: 'mapping-indicator-column', valueColumn: 'mapping-value-column' };
let fileSources = [];

function renumberMappingRows() {
  [...$('mapping-rows').rows].forEach((tr, i) => { tr.cells[0].textContent = i + 1; });
}

function addMappingRow(column, indicator) {
  const tr = $('mapping-rows').insertRow();
  tr.insertCell();
  [['column', column, '文件中的列名'], ['indicator', indicator, '指标编号']].forEach(([name, value, label]) => {
    const input = Object.assign(document.createElement('input'), { name, value: value ?? '' });
    input.setAttribute('aria-label', label);
    tr.insertCell().append(input);
  });
  const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: '删除', className: 'remove' });
  remove.addEventListener('click', () => { tr.remove(); renumberMappingRows(); });
  tr.insertCell().append(remove);
  renumberMappingRows();
}

function showMapping() {
  const source = fileSources.find((candidate) => candidate.code === $('mapping-source').value);
  const settings = (source && source.settings) || {};
  Object.entries(MAPPING_FIELDS).forEach(([field, id]) => { $(id).value = settings[field] ?? ''; });
  $('mapping-rows').replaceChildren();
  Object.entries(settings.columns || {}).forEach(([column, indicator]) => addMappingRow(column, indicator));
  $('mapping-problems').hidden = true;
}

$('mapping-source').addEventListener('change', showMapping);
$('mapping-add').addEventListener('click', () => addMappingRow('', ''));

$('mapping-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const mapping = Object.fromEntries(Object.entries(MAPPING_FIELDS).map(([field, id]) => [field, $(id).value]));
  mapping.columns = [...$('mapping-rows').rows].map((tr) => ({
    column: tr.querySelector('input[name="column"]').value, indicator: tr.querySelector('input[name="indicator"]').value }));
  const code = $('mapping-source').value;
  if (!code) {
    say('尚无文件来源：请先建立文件来源，再编辑其对应关系', true);
    return;
  }
  say('正在检查并保存对应关系…');
  try {
    const response = await fetch(`/api/data/sources/${encodeURIComponent(code)}/mapping`, {
      method: 'PUT', headers: { Accept: 'application/json', 'Content-Type': 'application/json', ...csrf }, body: JSON.stringify(mapping),
    });
    const answer = await response.json();
    const problems = answer.problems || [];
    $('mapping-problems').replaceChildren(...problems.map((problem) => Object.assign(document.createElement('li'), { textContent: problem })));
    $('mapping-problems').hidden = response.ok || !problems.length;
    if (!response.ok) {
      throw new Error(answer.message || `保存失败（${response.status}）`);
    }
    await load(code);
    say(`已保存「${answer.name}」的对应关系`);
  } catch (error) {
    say(error.message, true);
  }
});

async function load(mappingSource) {
  const sources = await get('/api/data/sources');
  $('sources').replaceChildren();
  sources.forEach((source) => {
    const tr = row($('sources'), [source.code, source.name, source.kindLabel, source.schedule, mapping(source), source.enabled ? '是' : '否']);
    tr.cells[4].className = 'mapping';
  });
  fileSources = sources.filter((source) => source.kind === 'FILE');
  $('upload-source').replaceChildren(...fileSources.map((source) => new Option(source.name, source.code)));
  $('mapping-source').replaceChildren(...fileSources.map((source) => new Option(source.name, source.code)));
  if (mappingSource) {
    $('mapping-source').value = mappingSource;
  }
  showMapping();
  await loadRuns();
  say('');
}

$('upload-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData();
  form.append('file', $('upload-file').files[0]);
  say('正在检查并载入…');
  try {
    const response = await fetch(`/api/data/sources/${encodeURIComponent($('upload-source').value)}/upload`, {
      method: 'POST', headers: { Accept: 'application/json', ...csrf }, body: form,
    });
    const run = await response.json();
    if (!run.id) {
      throw new Error(run.message || `上传失败（${response.status}）`);
    }
    await loadRuns();
    showRun(run);
    say(run.status === 'SUCCEEDED' ? `已载入 ${run.rowsLoaded} 条读数` : `未载入任何数据：${run.problems.length} 处问题（见下方运行记录）`,
      run.status !== 'SUCCEEDED');
  } catch (error) {
    say(error.message, true);
  }
});

load().catch((error) => say(error.message, true));
