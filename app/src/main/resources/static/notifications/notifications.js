// 消息通知: the signed-in person's notifications, newest first, with read/unread (GET/POST /api/notifications…).
const API = '/api/notifications';
const PAGE_SIZE = 50;
const csrf = {
  [document.querySelector('meta[name="csrf-header"]').content]: document.querySelector('meta[name="csrf-token"]').content,
};
const $ = (id) => document.getElementById(id);
let loaded = 0;

async function call(method, path) {
  const response = await fetch(path, { method, headers: { Accept: 'application/json', ...csrf } });
  const json = await response.json();
  if (!response.ok) {
    throw new Error(json.message || `请求失败（${response.status}）`);
  }
  return { json, total: Number(response.headers.get('X-Total-Count')) };
}

function shown(moment) {
  return new Date(moment).toLocaleString('sv-SE', { timeZone: 'Asia/Shanghai' }).slice(0, 16);
}

function showUnread(unread) {
  $('unread-summary').textContent = unread > 0 ? `未读 ${unread} 条` : '没有未读通知';
  $('mark-all').disabled = unread === 0;
}

function markedRead(item) {
  item.classList.remove('unread');
  item.querySelector('.badge')?.remove();
  item.querySelector('button')?.remove();
}

function entry(notification) {
  const item = document.createElement('li');
  item.dataset.id = notification.id;
  item.classList.toggle('unread', !notification.read);
  const subject = Object.assign(document.createElement('div'), { className: 'subject' });
  if (!notification.read) {
    subject.append(Object.assign(document.createElement('span'), { className: 'badge', textContent: '未读' }));
  }
  subject.append(notification.subject);
  const meta = Object.assign(document.createElement('div'), { className: 'meta', textContent: shown(notification.createdAt) });
  item.append(subject, meta);
  if (notification.body) {
    item.append(Object.assign(document.createElement('div'), { className: 'body', textContent: notification.body }));
  }
  if (!notification.read) {
    const button = Object.assign(document.createElement('button'), { type: 'button', textContent: '标为已读' });
    button.addEventListener('click', () => run(async () => {
      const { json } = await call('POST', `${API}/${notification.id}/read`);
      markedRead(item);
      showUnread(json.unread);
    }));
    item.append(button);
  }
  return item;
}

async function run(work) {
  $('status').classList.remove('error');
  $('status').textContent = '';
  try {
    await work();
  } catch (error) {
    $('status').classList.add('error');
    $('status').textContent = error.message;
  }
}

async function loadMore() {
  const page = loaded / PAGE_SIZE;
  const { json, total } = await call('GET', `${API}?page=${page}&size=${PAGE_SIZE}`);
  $('list').append(...json.map(entry));
  loaded += json.length;
  $('more').hidden = loaded >= total;
  if (total === 0) {
    $('status').textContent = '暂无通知。';
  }
}

$('mark-all').addEventListener('click', () => run(async () => {
  const { json } = await call('POST', `${API}/read-all`);
  document.querySelectorAll('#list li.unread').forEach(markedRead);
  showUnread(json.unread);
}));
$('more').addEventListener('click', () => run(loadMore));

// the count and the first page appear together, so the page never says 未读 2 条 above an empty list
run(async () => {
  const [unread] = await Promise.all([call('GET', `${API}/unread-count`), loadMore()]);
  showUnread(unread.json.unread);
});
