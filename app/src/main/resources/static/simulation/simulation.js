// 演练时钟: shows where the training clock stands and moves it through /api/simulation/clock (administrators only).
const API = '/api/simulation/clock';
const csrf = {
  [document.querySelector('meta[name="csrf-header"]').content]: document.querySelector('meta[name="csrf-token"]').content,
};
const $ = (id) => document.getElementById(id);

function shown(time) {
  return time.replace('T', ' ').slice(0, 16);
}

function rows(body, timers, empty) {
  body.replaceChildren();
  if (timers.length === 0) {
    const row = body.insertRow();
    const cell = row.insertCell();
    cell.colSpan = 4;
    cell.textContent = empty;
  }
  for (const timer of timers) {
    const row = body.insertRow();
    for (const value of [shown(timer.due), timer.process, timer.step, timer.businessKey]) {
      row.insertCell().textContent = value;
    }
  }
}

function showStatus(status) {
  $('now').textContent = shown(status.now);
  rows($('next-timers'), status.nextTimers, '没有待触发的定时器');
}

function showMove(move) {
  showStatus({ now: move.to, nextTimers: move.nextTimers });
  const banner = document.getElementById('simulation-banner');
  if (banner) {
    banner.firstChild.textContent = banner.firstChild.textContent.replace(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}/, shown(move.to));
  }
  $('result').hidden = false;
  $('summary').textContent = `已从 ${shown(move.from)} 拨到 ${shown(move.to)}：触发定时器 ${move.fired.length} 个，执行其他流程作业 `
    + `${move.otherJobs} 个，到期预警扫描 ${move.deadlineScans.length} 次（新预警 ${move.deadlineWarnings} 条）；现有待办任务 ${move.openTasks} 项。`;
  $('failures').replaceChildren(...move.failures.map((failure) => Object.assign(document.createElement('li'), { textContent: failure })));
  rows($('fired'), move.fired, '途中没有到期的定时器');
}

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(json.message || `请求失败（${response.status}）`);
  }
  return json;
}

async function move(path, body, what) {
  const buttons = document.querySelectorAll('#move button');
  buttons.forEach((button) => { button.disabled = true; });
  $('status').classList.remove('error');
  $('status').textContent = `正在${what}，途中到期的定时器依次触发…`;
  try {
    showMove(await call('POST', path, body));
    $('status').textContent = `已${what}。`;
  } catch (error) {
    $('status').classList.add('error');
    $('status').textContent = error.message;
  } finally {
    buttons.forEach((button) => { button.disabled = false; });
  }
}

$('move').addEventListener('submit', (event) => {
  event.preventDefault();
  move(API, { date: $('target-date').value }, `拨到 ${$('target-date').value}`);
});
$('next-timer').addEventListener('click', () => move(`${API}/next-timer`, undefined, '拨到下一个到期定时器'));

call('GET', API).then(showStatus, (error) => {
  $('status').classList.add('error');
  $('status').textContent = error.message;
});
