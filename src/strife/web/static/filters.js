// The filter form: reads and shows the filters, fills its drop-downs from /api/counts.
import { ApiError, getJSON } from "./api.js";
import { el, replace } from "./dom.js";
import { FILTERS } from "./state.js";

// Drop-downs filled with the values found under the other filters (faceted search).
const FACETS = ["country", "admin1", "event_type", "sub_event_type"];
const OPTIONS_LIMIT = 100;

async function counts(by, filters) {
  try {
    return await getJSON("/api/counts", { ...filters, by, limit: OPTIONS_LIMIT });
  } catch (error) {
    // A server with a lower cap on `limit` still gives its default number of values.
    if (error instanceof ApiError && error.status === 422 && /limit/.test(error.detail)) {
      return getJSON("/api/counts", { ...filters, by });
    }
    throw error;
  }
}

function without(filters, key) {
  const rest = { ...filters };
  delete rest[key];
  return rest;
}

export class FilterForm {
  constructor(form, { onChange }) {
    this.form = form;
    this.generation = 0;
    const changed = (event) => {
      const control = event.target;
      if (!FILTERS.includes(control.name)) return;
      onChange({ [control.name]: control.value.trim() });
    };
    form.addEventListener("change", changed);
    form.addEventListener("search", changed); // the clear button of a search box
    form.addEventListener("submit", (event) => event.preventDefault());
  }

  control(name) {
    return this.form.elements.namedItem(name);
  }

  /** Shows these filter values in the controls. */
  show(filters) {
    for (const name of FILTERS) {
      const control = this.control(name);
      if (!control) continue;
      const value = filters[name] ?? "";
      if (control.tagName === "SELECT") ensureOption(control, value);
      control.value = value;
    }
  }

  /** Refills the drop-downs and the actor suggestions for these filters. */
  async loadOptions(filters) {
    const generation = ++this.generation;
    const facets = await Promise.all(FACETS.map((by) => counts(by, without(filters, by))));
    const actors = await counts("actor1", without(filters, "actor"));
    if (generation !== this.generation) return; // a newer filter change has started its own load
    facets.forEach((answer, i) => fillSelect(this.control(FACETS[i]), answer.counts, filters[FACETS[i]] ?? ""));
    replace(
      document.getElementById("actor-options"),
      actors.counts.filter((c) => c.key).map((c) => el("option", { value: c.key })),
    );
  }
}

function option(value, label) {
  const node = el("option", {}, label);
  node.value = value;
  return node;
}

function ensureOption(select, value) {
  if (value && ![...select.options].some((o) => o.value === value)) select.append(option(value, value));
}

function fillSelect(select, rows, current) {
  const options = [option("", "All")];
  for (const row of rows) {
    if (row.key === null || row.key === undefined || row.key === "") continue;
    options.push(option(String(row.key), `${row.key} (${row.events})`));
  }
  replace(select, options);
  ensureOption(select, current);
  select.value = current;
}
