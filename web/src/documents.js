// Documents: the stored articles; one shows with its extracted actors, places and events marked.
import { el, get } from "./api.js";

function segments(text, spans) {
  // Split the text at every span boundary; each piece carries the kinds and labels covering it.
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const pieces = [];
  for (let i = 0; i < points.length - 1; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const over = spans.filter((s) => s.start <= a && b <= s.end);
    pieces.push({ text: text.slice(a, b), over });
  }
  return pieces;
}

function render(doc) {
  const body = el("div", { class: "doc-text" });
  for (const piece of segments(doc.text, doc.spans)) {
    if (!piece.over.length) {
      body.append(piece.text);
      continue;
    }
    const kinds = [...new Set(piece.over.map((s) => s.kind))];
    body.append(
      el(
        "span",
        { class: kinds.map((k) => `hl-${k}`).join(" "), title: piece.over.map((s) => `${s.kind}: ${s.label}`).join("\n") },
        piece.text,
      ),
    );
  }
  const list = (title, rows, fmt) =>
    el("div", { class: "doc-records" }, el("h4", {}, `${title} (${rows.length})`), el("ul", {}, rows.map((r) => el("li", {}, fmt(r)))));
  return [
    el("h3", {}, doc.title || doc.id),
    el(
      "p",
      { class: "meta" },
      [doc.outlet || "unknown outlet", doc.published || "undated", doc.input || ""].join(" · "),
      " · ",
      el("a", { href: `/api/documents/${encodeURIComponent(doc.id)}/report`, target: "_blank", rel: "noopener" }, "the report (JSON)"),
    ),
    el(
      "p",
      { class: "legend" },
      el("span", { class: "hl-actor" }, "actor"),
      " ",
      el("span", { class: "hl-place" }, "place"),
      " ",
      el("span", { class: "hl-event" }, "event evidence"),
    ),
    body,
    el(
      "div",
      { class: "doc-columns" },
      list("Actors", doc.actors, (a) => `${a.name} (${a.kind}${a.country ? `, ${a.country}` : ""})`),
      list("Places", doc.places, (p) => `${p.name}${p.country ? ` (${p.country})` : ""}`),
      list("Events", doc.events, (e) => `${e.type} · ${e.certainty}${e.negated ? " · negated" : ""}`),
    ),
  ];
}

export async function openDocument(id) {
  const view = document.getElementById("doc-view");
  view.replaceChildren(el("p", { class: "hint" }, "loading…"));
  try {
    const doc = await get(`/api/documents/${encodeURIComponent(id)}`);
    view.replaceChildren(...render(doc));
    view.dataset.document = id;
  } catch (err) {
    view.replaceChildren(el("p", { class: "error" }, String(err.message || err)));
  }
}

export async function initDocuments() {
  const docs = await get("/api/documents", { limit: 1000 });
  const list = document.getElementById("doc-list");
  list.replaceChildren(
    ...docs.map((d) =>
      el(
        "li",
        {},
        el(
          "a",
          { href: "#", "data-document": d.id, onclick: (e) => { e.preventDefault(); openDocument(d.id); } },
          d.title || d.input || d.id.slice(0, 12),
        ),
        el("small", {}, ` ${d.outlet || ""} ${d.published || ""}`),
      ),
    ),
  );
  list.dataset.count = docs.length;
}
