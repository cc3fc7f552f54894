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

// Whole-number steps only: a count of events has no half ticks.
const COUNT_STEPS = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10000, 20000, 25000, 50000, 1e5, 2e5, 2.5e5, 5e5, 1e6, 2e6, 5e6, 1e7];
const AXIS_FONT = "12px system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/**
 * One absurd period (a "10,000 killed" misread) flattens every other bar. When the tallest
 * period is over four times the next one, the scale stops a little above the next one and
 * a note names what was cut; `full` shows the whole scale. Null when nothing is cut.
 */
export function scaleCap(columns) {
  const top = columns.stacked.length ? columns.stacked[columns.stacked.length - 1] : [];
  const order = top.map((v, i) => [v, i]).sort((a, b) => b[0] - a[0]);
  if (order.length < 2) return null;
  const [[highest, at], [next]] = order;
  if (next <= 0 || highest <= 4 * next || highest < 10) return null;
  return { cap: Math.ceil(next * 1.25), highest, period: columns.labels[at] };
}

/** The y axis wide enough for its longest label ("10,000" was drawn as "0,000"). */
function axisSize(u, values, axisIdx, cycleNum) {
  const axis = u.axes[axisIdx];
  if (cycleNum > 1) return axis._size; // uPlot asks again after laying out; keep the first answer
  const ctx = document.createElement("canvas").getContext("2d");
  ctx.font = AXIS_FONT;
  const widest = Math.max(0, ...(values ?? []).map((v) => ctx.measureText(String(v)).width));
  return Math.ceil(widest) + (axis.ticks.size ?? 10) + (axis.gap ?? 5) + 8;
}

function chartOptions(columns, width, { cap = null } = {}) {
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
      scales: {
        x: { time: !columns.ordinal, range: padRange },
        y: { range: (u, min, max) => [0, cap ? cap : Math.max(1, max)] },
      },
      axes: [
        xAxis,
        { size: axisSize, font: AXIS_FONT, incrs: COUNT_STEPS, values: (u, splits) => splits.map((v) => num(v)) },
      ],
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
  constructor(eventsBox, fatalitiesBox, note, capNote) {
    this.boxes = [eventsBox, fatalitiesBox];
    this.note = note;
    this.capNote = capNote;
    this.fullScale = false;
    this.charts = [];
    this.answer = null;
    new ResizeObserver(() => this.resize()).observe(eventsBox);
  }

  /** The note under a capped chart, with the switch between the capped and the full scale. */
  showCap(measure, cap) {
    if (!this.capNote || measure !== "fatalities") return;
    this.capNote.replaceChildren();
    this.capNote.hidden = !cap;
    if (!cap) return;
    const text = this.fullScale
      ? `Full scale: ${cap.period} reports ${num(cap.highest)} fatalities, over four times any other period. `
      : `${cap.period} reports ${num(cap.highest)} fatalities, over four times any other period: the scale stops at ${num(cap.cap)} so the other periods stay readable. `;
    const button = document.createElement("button");
    button.type = "button";
    button.id = "timeline-scale";
    button.textContent = this.fullScale ? "Cap the scale" : "Show the full scale";
    button.addEventListener("click", () => {
      this.fullScale = !this.fullScale;
      this.show(this.answer);
    });
    this.capNote.append(text, button);
  }

  /** Draws one /api/timeline answer. */
  show(answer) {
    for (const chart of this.charts) chart.destroy();
    this.charts = [];
    this.answer = answer;
    const series = answer.series ?? [];
    const undated = series.length === 0;
    this.note.textContent = undated ? "No dated events in this selection." : "";
    if (undated) {
      this.showCap("fatalities", null);
      return;
    }
    ["events", "fatalities"].forEach((measure, i) => {
      const box = this.boxes[i];
      const columns = stackColumns(series, measure);
      const cap = measure === "fatalities" ? scaleCap(columns) : null;
      this.showCap(measure, cap);
      const { options, data } = chartOptions(columns, box.clientWidth || 600, { cap: cap && !this.fullScale ? cap.cap : null });
      const chart = new uPlot(options, data, box);
      box.chart = chart; // the browser tests read its ticks
      this.charts.push(chart);
    });
  }

  resize() {
    for (const [i, chart] of this.charts.entries()) chart.setSize({ width: this.boxes[i].clientWidth, height: HEIGHT });
  }
}
