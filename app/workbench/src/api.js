// Calls the app's API with the page's session; unsafe requests carry the session's CSRF token, which the page
// was rendered with. Every answer comes back as { status, body }: the callers decide what a refusal means.
const csrfHeader = document.querySelector('meta[name="csrf-header"]').content;
const csrfToken = document.querySelector('meta[name="csrf-token"]').content;

export async function call(method, path, payload) {
  const headers = { Accept: 'application/json' };
  let body = payload;
  if (method !== 'GET') {
    headers[csrfHeader] = csrfToken;
  }
  if (payload !== undefined && !(payload instanceof FormData)) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(payload);
  }
  const response = await fetch(path, { method, headers, body });
  let json = null;
  try {
    json = await response.json();
  } catch (emptyOrNotJson) {
    // 204 after a delete, or a body that is not JSON
  }
  return { status: response.status, body: json, headers: response.headers };
}

/** GETs JSON; any answer but 200 becomes an error with the server's message. */
export async function get(path) {
  const { status, body } = await call('GET', path);
  if (status !== 200) {
    throw new Error(refusal(status, body));
  }
  return body;
}

/**
 * GETs one page of a list: its rows, how many rows all pages hold (X-Total-Count) and the address of the next page
 * (Link: <…>; rel="next"), or null after the last one.
 */
export async function getPage(path) {
  const { status, body, headers } = await call('GET', path);
  if (status !== 200) {
    throw new Error(refusal(status, body));
  }
  const next = /<([^>]+)>;\s*rel="next"/.exec(headers.get('Link') || '');
  return { items: body, total: Number(headers.get('X-Total-Count') || body.length), next: next ? next[1] : null };
}

/** GETs every page of a list, following each page's link to the next. */
export async function getAll(path) {
  const rows = [];
  for (let next = path; next;) {
    const page = await getPage(next);
    rows.push(...page.items);
    next = page.next;
  }
  return rows;
}

/** The server's Chinese message for a refused call. */
export function refusal(status, body) {
  if (status === 401) {
    return '登录已失效，请刷新页面重新登录。';
  }
  return (body && body.message) || `服务器返回错误（HTTP ${status}）。`;
}

/**
 * The problems of a refused save, each with the column it concerns (its Chinese header, or null): the API lists
 * them as text ("工作表「表5…」第 3 行「完成时限」列：…") or as { sheet, row, column, message }.
 */
export function problemsOf(body) {
  const problems = (body && body.problems) || [];
  if (problems.length === 0) {
    return [ { column: null, message: refusal(400, body) } ];
  }
  return problems.map(problem => {
    if (typeof problem === 'object') {
      return { column: problem.column || null, message: problem.message, row: problem.row, sheet: problem.sheet };
    }
    const sheet = /^工作表「([^」]+)」/.exec(problem);
    const row = /第 (\d+) 行/.exec(problem);
    const column = /「([^」]+)」列：/.exec(problem);
    const where = /^工作表「[^」]+」(第 \d+ 行)?(「[^」]+」列)?：/.exec(problem);
    return {
      sheet: sheet ? sheet[1] : null,
      row: row ? Number(row[1]) : null,
      column: column ? column[1] : null,
      message: where ? problem.slice(where[0].length) : problem
    };
  });
}
