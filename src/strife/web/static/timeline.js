// Events and fatalities per period, stacked by event type (uPlot bars).
import { num } from "./dom.js";
import { orderTypes, typeColour } from "./colours.js";

const uPlot = window.uPlot;
const HEIGHT = 170;

/** Seconds since 1970 for a period label: 2024-05-17, 2024-05 or 2024-W20; null for anything else. */
export function periodTime(period) {
  const text = String(period ?? "");
  let m = text.match(/^(\d{4})-(\d{2})-(\d{2})/);
  if (m) return Date.UTC(+m[1], +m[2] - 1, +m[3]) / 1000;
  m = text.match(/^(\d{4})-(\d{2})$/);
  if (m) return Date.UTC(+m[1], +m[2] - 1, 1) / 1000;
  m = text.match(/^(\d{4})-W(\d{2})$/);
  if (m) {
    // ISO week: week 1 holds January 4th; weeks start on Monday.
    const jan4 = new Date(Date.UTC(+m[1], 0, 4));
    const monday = jan4.getTime() - ((jan4.getUTCDay() + 6) % 7) * 86400000;
    return (monday + (+m[2] - 1) * 7 * 86400000) / 1000;
  }
  return null;
}

/**
 * uPlot's columns for one measure: x, then one cumulative column per type,
 * drawn largest first so each type shows as its own band of the stack.
 */
export function stackColumns(series, measure) {
  const types = orderTypes(series.map((row) => row.event_type));
  const periods = [...new Set(series.map((row) => row.period))];
  const times = periods.map(periodTime);
  const ordinal = times.some((t) => t === null); // unknown period format: evenly spaced, labelled
  const order = periods.map((p, i) => i).sort((a, b) => (ordinal ? 0 : times[a] - times[b]));
  const index = new Map(order.map((i, pos) => [periods[i], pos]));
  const raw = types.map(() => new Array(periods.length).fill(0));
  for (const row of series) raw[types.indexOf(row.event_type)][index.get(row.period)] += Number(row[measure]) || 0;
  const stacked = [];
  let running = new Array(periods.length).fill(0);
  for (const values of raw) {
    running = running.map((sum, i) => sum + values[i]);
    stacked.push(running);
  }
  return {
    x: order.map((i, pos) => (ordinal ? pos : times[i])),
    labels: order.map((i) => periods[i]),
    ordinal,
    types,
    raw,
    stacked,
  };
}

function chartOptions(columns, width) {
  const bars = uPlot.paths.bars({ size: [0.7, 40] });
  const series = [{ label: "period", value: (u, v, si, i) => (i === null || i === undefined ? "–" : columns.labels[i]) }];
  // Top of the stack first: later series draw over earlier ones.
  for (let t = columns.types.length - 1; t >= 0; t--) {
    series.push({
      label: columns.types[t],
      stroke: typeColour(columns.types[t]),
      fill: typeColour(columns.types[t]),
      width: 0,
      paths: bars,
      points: { show: false },
      value: (u, v, si, i) => (i === null || i === undefined ? "–" : num(columns.raw[t][i])),
    });
  }
  const data = [columns.x, ...columns.stacked.slice().reverse()];
  const xAxis = columns.ordinal ? { values: (u, splits) => splits.map((s) => columns.labels[s] ?? "") } : {};
  return {
    options: {
      width,
      height: HEIGHT,
      scales: { x: { time: !columns.ordinal, range: padRange }, y: { range: (u, min, max) => [0, Math.max(1, max)] } },
      axes: [xAxis, { size: 48 }],
      series,
      legend: { live: true },
      cursor: { drag: { x: false, y: false } },
    },
    data,
  };
}

// Half a bar's step on each side, so the first and last bars are not cut in half. Taken
// from the data: for a single period uPlot proposes a span of years.
function padRange(u) {
  const xs = u.data[0];
  const step = xs.length > 1 ? (xs[xs.length - 1] - xs[0]) / (xs.length - 1) : 86400 * 15;
  return [xs[0] - step, xs[xs.length - 1] + step];
}

export class Timeline {
  constructor(eventsBox, fatalitiesBox, note) {
    this.boxes = [eventsBox, fatalitiesBox];
    this.note = note;
    this.charts = [];
    new ResizeObserver(() => this.resize()).observe(eventsBox);
  }

  /** Draws one /api/timeline answer. */
  show(answer) {
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
    const series = answer.series ?? [];
    const undated = series.length === 0;
    this.note.textContent = undated ? "No dated events in this selection." : "";
    if (undated) return;
    ["events", "fatalities"].forEach((measure, i) => {
      const box = this.boxes[i];
      const { options, data } = chartOptions(stackColumns(series, measure), box.clientWidth || 600);
      this.charts.push(new uPlot(options, data, box));
    });
  }

  resize() {
    for (const [i, chart] of this.charts.entries()) chart.setSize({ width: this.boxes[i].clientWidth, height: HEIGHT });
  }
}
