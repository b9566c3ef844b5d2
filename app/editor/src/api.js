// Calls the app's API with the page's session; unsafe requests carry the session's CSRF token, which the
// page was rendered with.
const csrfHeader = document.querySelector('meta[name="csrf-header"]').content;
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;

/** GETs a JSON (or, with accept, another) answer; any status but 200 becomes an error with the server's message. */
export async function api(path, { accept = 'application/json' } = {}) {
  const response = await fetch(path, { headers: { Accept: accept } });
  if (!response.ok) {
    throw new Error(await refusal(response));
  }
  return accept === 'application/json' ? response.json() : response.text();
}

/**
 * Posts the model to /api/models as the multipart "file" an upload takes. 200 and 400 both carry the upload's
 * report (400: its problems); other answers become an error.
 */
export async function uploadModel(key, xml, options) {
  const form = new FormData();
  form.append('file', new Blob([ xml ], { type: 'application/xml' }), `${key}.bpmn`);
  const query = new URLSearchParams(Object.entries(options).map(([ name, value ]) => [ name, String(value) ]));
  const response = await fetch(`/api/models?${query}`, {
    method: 'POST',
    headers: { Accept: 'application/json', [csrfHeader]: csrfToken },
    body: form
  });
  const body = await json(response);
  const isReport = body && 'deployed' in body;
  if (response.status === 200 || (response.status === 400 && isReport)) {
    return { status: response.status, report: body };
  }
  throw new Error(message(response, body));
}

async function refusal(response) {
  return message(response, await json(response));
}

function message(response, body) {
  if (response.status === 401) {
    return '登录已失效，请刷新页面重新登录。';
  }
  return (body && body.message) || `服务器返回错误（HTTP ${response.status}）。`;
}

async function json(response) {
  try {
    return await response.json();
  } catch (notJson) {
    return null;
  }
}
