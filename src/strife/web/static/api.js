// The JSON API of `strife serve` (see docs/web.md): one fetch helper, errors as ApiError.

export class ApiError extends Error {
  constructor(status, detail, url) {
    super(`${url}: ${detail} (HTTP ${status})`);
    this.status = status;
    this.detail = detail;
  }
}

/** A query string of the non-empty values, keys in the order given. */
export function queryString(params) {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") search.set(key, String(value));
  }
  return search.toString();
}

export function apiUrl(path, params = {}) {
  const query = queryString(params);
  return query ? `${path}?${query}` : path;
}

function detailText(body, fallback) {
  const detail = body && body.detail;
  if (typeof detail === "string") return detail;
  // FastAPI's validation errors: a list of {loc, msg}.
  if (Array.isArray(detail)) {
    return detail.map((item) => [item.loc && item.loc.slice(1).join("."), item.msg].filter(Boolean).join(": ")).join("; ");
  }
  return fallback;
}

/** GET a JSON document; rejects with ApiError on a non-2xx answer. */
export async function getJSON(path, params = {}) {
  const url = apiUrl(path, params);
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let body = null;
    try {
      body = await response.json();
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(response.status, detailText(body, response.statusText), url);
  }
  return response.json();
}

/** Sends a JSON body (PATCH, POST) with these headers; resolves to the answer's JSON, rejects with ApiError. */
export async function sendJSON(method, path, body, headers = {}) {
  const response = await fetch(path, {
    method,
    headers: { Accept: "application/json", "Content-Type": "application/json", ...headers },
    body: JSON.stringify(body ?? {}),
  });
  let answer = null;
  try {
    answer = await response.json();
  } catch {
    // not JSON: keep the status text
  }
  if (!response.ok) throw new ApiError(response.status, detailText(answer, response.statusText), path);
  return answer;
}
