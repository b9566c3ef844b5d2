// 通知渠道 (质管办, administrators): which channels are on, the units' group robots, and every delivery attempt.
const API = '/api/notifications';
const csrf = {
  [document.querySelector('meta[name="csrf-header"]').content]: document.querySelector('meta[name="csrf-token"]').content,
};
const $ = (id) => document.getElementById(id);

async function call(method, path, body) {
  const response = await fetch(path, {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...csrf },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = response.status === 204 ? null : await response.json();
  if (!response.ok) {
    throw new Error(json?.message || `请求失败（${response.status}）`);
  }
  return { json, total: Number(response.headers.get('X-Total-Count')) };
}

function shown(moment) {
  return moment ? new Date(moment).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16) : '';
}

function row(body, values) {
  const tableRow = body.insertRow();
  for (const value of values) {
    const cell = tableRow.insertCell();
    if (value instanceof Node) {
      cell.append(value);
    } else {
      cell.textContent = value ?? '';
    }
  }
  return tableRow;
}

function say(id, message, error) {
  $(id).classList.toggle('error', Boolean(error));
  $(id).textContent = message;
}

async function showChannels() {
  const { json } = await call('GET', `${API}/channels`);
  $('channels').replaceChildren(...json.map((state) => Object.assign(document.createElement('li'), {
    className: state.enabled ? 'on' : 'off',
    textContent: `${state.label}：${state.enabled ? '已启用' : `未启用（${state.setting}）`}`,
  })));
}

async function showWebhooks() {
  const { json } = await call('GET', `${API}/webhooks`);
  const body = $('webhooks');
  body.replaceChildren();
  if (json.length === 0) {
    row(body, ['尚未设置群机器人']).cells[0].colSpan = 8;
  }
  for (const hook of json) {
    const remove = Object.assign(document.createElement('button'), { type: 'button', textContent: '删除' });
    remove.addEventListener('click', async () => {
      try {
        await call('DELETE', `${API}/webhooks/${hook.unitId}/${hook.channel}`);
        say('webhook-status', `已删除${hook.unitName}的${hook.channelLabel}。`);
        await showWebhooks();
      } catch (error) {
        say('webhook-status', error.message, true);
      }
    });
    row(body, [hook.unitName, hook.channelLabel, hook.url, hook.hasSecret ? '已设置' : '', hook.enabled ? '启用' : '停用',
      hook.updatedBy, shown(hook.updatedAt), remove]);
  }
}

async function showDeliveries() {
  const { json, total } = await call('GET', `${API}/deliveries?failedOnly=${$('failed-only').checked}&size=200`);
  $('deliveries-summary').textContent = `共 ${total} 次发送尝试${total > json.length ? `，显示最近 ${json.length} 次` : ''}。`;
  const body = $('deliveries');
  body.replaceChildren();
  for (const delivery of json) {
    const state = delivery.messageState + (delivery.nextAttemptAt ? `（${shown(delivery.nextAttemptAt)} 重试）` : '');
    const tableRow = row(body, [shown(delivery.attemptedAt), delivery.channelLabel, delivery.recipientName, delivery.subject,
      `第 ${delivery.attempt} 次`, delivery.result, delivery.error, state]);
    tableRow.classList.toggle('error', !delivery.succeeded);
  }
}

async function showUnits() {
  const { json } = await call('GET', '/api/organisation/units');
  $('unit').replaceChildren(...json.filter((unit) => ['LEADERSHIP', 'FUNCTIONAL_DEPARTMENT', 'TEACHING_UNIT', 'QA_BODY'].includes(unit.kind))
    .map((unit) => new Option(unit.name, unit.id)));
}

$('webhook-form').addEventListener('submit', async (event) => {
  event.preventDefault();
  try {
    const { json } = await call('PUT', `${API}/webhooks/${$('unit').value}/${$('channel').value}`,
      { url: $('url').value, secret: $('secret').value, enabled: $('enabled').checked });
    say('webhook-status', `已保存${json.unitName}的${json.channelLabel}。`);
    $('url').value = '';
    $('secret').value = '';
    await showWebhooks();
  } catch (error) {
    say('webhook-status', error.message, true);
  }
});
$('failed-only').addEventListener('change', () => showDeliveries().catch((error) => say('webhook-status', error.message, true)));

Promise.all([showChannels(), showUnits(), showWebhooks(), showDeliveries()])
  .catch((error) => say('webhook-status', error.message, true));
