// Timeline: events by date, one row per theatre (country) or per actor, as SVG.
import { el, certaintyColour } from "./api.js";
import { showFrom } from "./evidence.js";

const SVG = "http://www.w3.org/2000/svg";
const ROW = 26;
const LEFT = 190;
const MAX_ACTOR_ROWS = 25;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

let events = [];

function rows(mode) {
  const groups = new Map();
  for (const e of events) {
    if (!e.when_start) continue;
    const keys = mode === "actor" ? [...new Set([...e.agents, ...e.patients])] : [e.country || "unknown"];
    for (const k of keys) {
      if (!groups.has(k)) groups.set(k, []);
      groups.get(k).push(e);
    }
  }
  const sorted = [...groups].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  return mode === "actor" ? sorted.slice(0, MAX_ACTOR_ROWS) : sorted;
}

function draw() {
  const mode = document.getElementById("tl-rows").value;
  const box = document.getElementById("timeline");
  const dated = events.filter((e) => e.when_start);
  const groups = rows(mode);
  const width = Math.max(600, box.clientWidth || 900);
  const height = 40 + groups.length * ROW;
  const times = dated.map((e) => Date.parse(e.when_start));
  const lo = Math.min(...times);
  const hi = Math.max(...times);
  const x = (t) => LEFT + ((t - lo) / Math.max(1, hi - lo)) * (width - LEFT - 20);
  const root = svg("svg", { width, height, class: "timeline-svg" });
  const axis = svg("g", { class: "axis" });
  const first = new Date(lo).getUTCFullYear();
  const last = new Date(hi).getUTCFullYear();
  for (let year = first; year <= last + 1; year += 1) {
    const t = Date.UTC(year, 0, 1);
    if (t < lo - 1 || t > hi + 1) continue;
    axis.append(svg("line", { x1: x(t), x2: x(t), y1: 20, y2: height, stroke: "#ddd" }));
    const label = svg("text", { x: x(t) + 2, y: 14, "font-size": 10 });
    label.textContent = String(year);
    axis.append(label);
  }
  root.append(axis);
  let drawn = 0;
  groups.forEach(([name, list], i) => {
    const y = 30 + i * ROW + ROW / 2;
    const label = svg("text", { x: 4, y: y + 4, "font-size": 11, class: "row-label" });
    label.textContent = name.length > 28 ? `${name.slice(0, 27)}…` : name;
    root.append(label, svg("line", { x1: LEFT, x2: width - 20, y1: y, y2: y, stroke: "#eee" }));
    for (const e of list) {
      const dot = svg("circle", {
        cx: x(Date.parse(e.when_start)),
        cy: y,
        r: 5,
        fill: certaintyColour(e.certainty),
        stroke: "#222",
        "stroke-width": 0.5,
        class: "tl-event",
        "data-event": e.id,
      });
      const title = svg("title");
      title.textContent = `${e.type} · ${e.when_start} · ${e.certainty}`;
      dot.append(title);
      dot.addEventListener("click", () => showFrom(`/api/events/${encodeURIComponent(e.id)}`));
      root.append(dot);
      drawn += 1;
    }
  });
  box.replaceChildren(root);
  const count = document.getElementById("timeline-count");
  const undated = events.length - dated.length;
  count.textContent = `${dated.length} dated events in ${groups.length} rows (${undated} undated)`;
  count.dataset.events = dated.length;
  count.dataset.rows = groups.length;
  count.dataset.dots = drawn;
}

export function resize() {
  if (events.length) draw();
}

export function initTimeline(rowsEvents) {
  events = rowsEvents;
  document.getElementById("tl-rows").addEventListener("change", draw);
  draw();
}

export { el };
