// The view's state lives in the URL query string, so a view can be shared and reloaded.
// Filter names are the API's own, so the same pairs go to every API call.

export const FILTERS = ["country", "admin1", "event_type", "sub_event_type", "actor", "date_from", "date_to", "q", "bbox"];
const INTERVALS = ["day", "week", "month"];
const PAGE_SIZES = [25, 50, 100];
export const DEFAULT_SORT = "-event_date";

function positiveInt(text, fallback) {
  const value = Number.parseInt(text ?? "", 10);
  return Number.isInteger(value) && value > 0 ? value : fallback;
}

/** The state in a query string (location.search). Unknown or malformed values fall back to defaults. */
export function readState(search) {
  const params = new URLSearchParams(search);
  const filters = {};
  for (const key of FILTERS) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const pageSize = positiveInt(params.get("page_size"), 50);
  return {
    filters,
    sort: params.get("sort") || DEFAULT_SORT,
    page: positiveInt(params.get("page"), 1),
    pageSize: PAGE_SIZES.includes(pageSize) ? pageSize : 50,
    interval: INTERVALS.includes(params.get("interval")) ? params.get("interval") : "month",
    event: params.get("event") || null,
  };
}

/** The query string of a state; defaults are left out to keep shared links short. */
export function stateQuery(state) {
  const params = new URLSearchParams();
  for (const key of FILTERS) if (state.filters[key]) params.set(key, state.filters[key]);
  if (state.sort !== DEFAULT_SORT) params.set("sort", state.sort);
  if (state.page !== 1) params.set("page", String(state.page));
  if (state.pageSize !== 50) params.set("page_size", String(state.pageSize));
  if (state.interval !== "month") params.set("interval", state.interval);
  if (state.event) params.set("event", state.event);
  return params.toString();
}

/** Records the state in the address bar: a new history entry (push) or the current one replaced. */
export function saveState(state, { push = true } = {}) {
  const query = stateQuery(state);
  const url = query ? `?${query}` : window.location.pathname;
  if (`?${query}` === window.location.search || (!query && !window.location.search)) return;
  if (push) window.history.pushState(null, "", url);
  else window.history.replaceState(null, "", url);
}
