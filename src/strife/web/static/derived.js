// Fields strife works out from other fields rather than reads from a sentence (CODEBOOK
// section 11): the panel says where such a value comes from instead of "no evidence".
const DERIVED_FROM = new Map([
  ["sub_event_type", ["event_type"]],
  ["date_start", ["event_date"]],
  ["date_end", ["event_date"]],
  ["time_precision", ["event_date"]],
  ["actor1_type", ["actor1"]],
  ["actor2_type", ["actor2"]],
  ["interaction", ["actor1_type", "actor2_type"]],
  ["admin1", ["location"]],
  ["admin2", ["location"]],
  ["country", ["location"]],
  ["latitude", ["location"]],
  ["longitude", ["location"]],
  ["geo_precision", ["location"]],
  ["fatalities_low", ["fatalities"]],
  ["fatalities_high", ["fatalities"]],
  ["fatalities_disputed", ["fatalities", "claims"]],
  ["displaced_people", ["displaced_figure", "displaced_unit"]],
  ["disputed", ["claims"]],
  ["reported_by", ["sources"]],
  ["corroboration", ["sources"]],
  ["confidence", ["evidence"]],
]);

/** "derived from location" for a derived field, else null (a read field with no span). */
export function derivedNote(field) {
  const from = DERIVED_FROM.get(field);
  return from ? `derived from ${from.join(" and ")}` : null;
}

/**
 * Claims once per source chain: copies of one story (a wire report run by several outlets)
 * repeat its claims word for word. Identical claims (same claimant, words and figure, case
 * and spacing aside) are shown once, with how many reports carried them.
 */
export function uniqueClaims(claims) {
  const key = (c) => [c.claimant, c.statement, c.figure].map((v) => String(v ?? "").replace(/\s+/g, " ").trim().toLowerCase()).join("\u0000");
  const found = new Map();
  for (const claim of claims ?? []) {
    const k = key(claim);
    if (found.has(k)) found.get(k).copies += 1;
    else found.set(k, { ...claim, copies: 1 });
  }
  return [...found.values()];
}
