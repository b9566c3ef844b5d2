// What the product's own pages share: finding an element, reading the app's JSON API with its Chinese refusal, the
// status line and moments in the college's time. Loaded before the page's own script.
const $ = (id) => document.getElementById(id);

async function get(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  const json = await response.json();
  if (!response.ok) {
    const error = new Error(json.message || `请求失败（${response.status}）`);
    error.status = response.status;
    throw error;
  }
  return json;
}

function say(text, error) {
  $('status').textContent = text;
  $('status').classList.toggle('error', Boolean(error));
}

function moment(iso) {
  return iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';
}
