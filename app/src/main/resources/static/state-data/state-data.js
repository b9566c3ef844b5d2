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

async function load() {
  const sources = await get('/api/data/sources');
  $('sources').replaceChildren();
  sources.forEach((source) => {
    const tr = row($('sources'), [source.code, source.name, source.kindLabel, source.schedule, mapping(source), source.enabled ? '是' : '否']);
    tr.cells[4].className = 'mapping';
  });
  $('upload-source').replaceChildren(...sources.filter((source) => source.kind === 'FILE').map((source) => new Option(source.name, source.code)));
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
