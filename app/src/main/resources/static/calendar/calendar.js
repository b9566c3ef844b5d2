// 校历: a year's terms, vacations, holidays and 调休 days, and every milestone with its rule, through /api/calendar;
// the editing forms show for those the API lets edit (admins, the head of 院办).
const csrf = {
  [document.querySelector('meta[name="csrf-header"]').content]: document.querySelector('meta[name="csrf-token"]').content,
};
const $ = (id) => document.getElementById(id);
const WEEKDAYS = ['星期日', '星期一', '星期二', '星期三', '星期四', '星期五', '星期六'];
let shown;

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = response.status === 204 || response.status === 404 ? {} : await response.json();
  if (!response.ok && response.status !== 404) {
    throw new Error(json.message || `请求失败（${response.status}）`);
  }
  return json;
}

function say(text, error) {
  $('status').textContent = text;
  $('status').classList.toggle('error', Boolean(error));
}

function fill(body, rows, empty, columns) {
  body.replaceChildren();
  if (rows.length === 0) {
    const cell = body.insertRow().insertCell();
    cell.colSpan = columns;
    cell.textContent = empty;
  }
  return rows.map((values) => {
    const row = body.insertRow();
    for (const value of values) {
      const cell = row.insertCell();
      if (value instanceof Node) {
        cell.append(value);
      } else {
        cell.textContent = value ?? '';
      }
    }
    return row;
  });
}

function source(entered, yes, no) {
  return Object.assign(document.createElement('span'), { className: entered ? '' : 'assumed', textContent: entered ? yes : no });
}

function show(overview) {
  shown = overview;
  $('warnings').replaceChildren(...overview.warnings.map((text) => Object.assign(document.createElement('li'), { textContent: text })));
  fill($('terms'), overview.terms.map((t) => [t.label, t.startsOn, t.endsOn, source(t.entered, '已录入', '按规则推算')]), '无', 4);
  fill($('vacations'), overview.vacations.map((v) => [v.label, v.from, v.to]), '无', 3);
  fill($('days'), overview.days.map((d) => [d.day, WEEKDAYS[new Date(`${d.day}T00:00:00`).getDay()], d.kindLabel, d.label,
    source(d.entered, '已录入', '推算（尚未录入）'), d.entered && overview.mayEdit ? removeButton(d.day) : '']), '无', 6)
    .forEach((row, i) => { row.dataset.day = overview.days[i].day; });
  fill($('milestones'), overview.milestones.map((m) => [m.milestoneLabel, m.levelLabel, m.rule, m.generatedDate, m.date,
    Object.assign(document.createElement('span'), {
      className: m.overridden ? 'manual' : '',
      textContent: m.overridden ? `手工设定（${m.updatedBy}${m.note ? `：${m.note}` : ''}）` : '按规则生成',
    })]), '无', 6)
    .forEach((row, i) => { row.dataset.milestone = overview.milestones[i].milestone; });
  for (const form of document.querySelectorAll('form.edit')) {
    form.hidden = !overview.mayEdit;
  }
  $('term-period').replaceChildren(...overview.terms.map((t) => new Option(t.label, t.period.firstYear + '/' + t.period.number)));
  $('milestone-key').replaceChildren(...overview.milestones.map((m) => new Option(m.milestoneLabel, m.milestone)));
  termChosen();
  milestoneChosen();
}

function removeButton(day) {
  const button = Object.assign(document.createElement('button'), { type: 'button', className: 'secondary', textContent: '删除' });
  button.addEventListener('click', () => change('DELETE', `/api/calendar/${shown.year}/days/${day}`, undefined, `已删除 ${day}`));
  return button;
}

function termChosen() {
  const term = shown.terms.find((t) => `${t.period.firstYear}/${t.period.number}` === $('term-period').value);
  if (term) {
    $('term-start').value = term.startsOn;
    $('term-end').value = term.endsOn;
  }
}

function milestoneChosen() {
  const milestone = shown.milestones.find((m) => m.milestone === $('milestone-key').value);
  if (milestone) {
    $('milestone-date').value = milestone.date;
    $('milestone-note').value = milestone.note ?? '';
  }
}

async function load(year) {
  say('正在加载…');
  try {
    show(await call('GET', `/api/calendar/${year}/overview`));
    say(`${year} 年校历`);
    history.replaceState(null, '', `?year=${year}`);
  } catch (error) {
    say(error.message, true);
  }
}

async function change(method, path, body, done) {
  try {
    await call(method, path, body);
    await load(shown.year);
    say(done);
  } catch (error) {
    say(error.message, true);
  }
}

$('year-form').addEventListener('submit', (event) => {
  event.preventDefault();
  load($('year').value);
});
$('term-period').addEventListener('change', termChosen);
$('milestone-key').addEventListener('change', milestoneChosen);
$('term-form').addEventListener('submit', (event) => {
  event.preventDefault();
  change('PUT', `/api/calendar/terms/${$('term-period').value}`, { startsOn: $('term-start').value, endsOn: $('term-end').value },
    `已保存${$('term-period').selectedOptions[0].text}`);
});
$('term-reset').addEventListener('click', () => change('DELETE', `/api/calendar/terms/${$('term-period').value}`, undefined,
  `${$('term-period').selectedOptions[0].text}已恢复按规则推算`));
$('day-form').addEventListener('submit', (event) => {
  event.preventDefault();
  change('PUT', `/api/calendar/${shown.year}/days/${$('day-date').value}`, { kind: $('day-kind').value, label: $('day-label').value },
    `已保存 ${$('day-date').value}`);
});
$('milestone-form').addEventListener('submit', (event) => {
  event.preventDefault();
  change('PUT', `/api/calendar/${shown.year}/${$('milestone-key').value}`, { date: $('milestone-date').value, note: $('milestone-note').value },
    `已手工设定“${$('milestone-key').selectedOptions[0].text}”`);
});
$('milestone-reset').addEventListener('click', () => change('DELETE', `/api/calendar/${shown.year}/${$('milestone-key').value}`, undefined,
  `“${$('milestone-key').selectedOptions[0].text}”已恢复按规则生成`));

const asked = new URLSearchParams(location.search).get('year');
(asked ? Promise.resolve(asked) : call('GET', '/api/me').then((me) => me.today.slice(0, 4))).then((year) => {
  $('year').value = year;
  load(year);
}, (error) => say(error.message, true));
