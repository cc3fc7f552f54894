// One colour per event type (CODEBOOK section 3), shared by the map, the charts and the table.
const TYPE_COLOURS = new Map([
  ["Battles", "#c0392b"],
  ["Explosions/Remote violence", "#e67e22"],
  ["Violence against civilians", "#8e44ad"],
  ["Protests", "#27ae60"],
  ["Riots", "#a0522d"],
  ["Strategic developments", "#16a085"],
  ["Displacement", "#2471a3"],
]);
const OTHER = "#7f8c8d";

export function typeColour(eventType) {
  return TYPE_COLOURS.get(eventType) ?? OTHER;
}

/** Known types first, in codebook order, then any others alphabetically. */
export function orderTypes(types) {
  const known = [...TYPE_COLOURS.keys()];
  const rank = (t) => (known.includes(t) ? known.indexOf(t) : known.length);
  return [...new Set(types)].sort((a, b) => rank(a) - rank(b) || String(a).localeCompare(String(b)));
}

/** A small coloured square: its colour is set through the CSSOM, which the page's CSP allows. */
export function swatch(eventType) {
  const box = document.createElement("span");
  box.className = "swatch";
  box.style.backgroundColor = typeColour(eventType);
  return box;
}
