// The evidence panel: every sentence behind a node, edge, point or arc, with its span marked,
// its source chain, outlet, date and certainty; then the contradictions.
import { el, get, certaintyColour } from "./api.js";

const body = () => document.getElementById("evidence-body");
let openDocument = () => {};

export function onOpenDocument(fn) {
  openDocument = fn;
}

function sentence(s) {
  const text = s.text;
  return el(
    "blockquote",
    { class: "sentence" },
    text.slice(0, s.start),
    el("mark", {}, text.slice(s.start, s.end)),
    text.slice(s.end),
  );
}

function chain(item) {
  if (!item.chain.length) return el("span", { class: "chain" }, item.outlet ? `${item.outlet} (own reporting)` : "no named source");
  const names = item.chain.map((s) => (s.kind ? `${s.name} (${s.kind})` : s.name));
  return el("span", { class: "chain" }, names.join(" ← "));
}

function item(it) {
  return el(
    "li",
    { class: "evidence-item" },
    el(
      "div",
      { class: "meta" },
      el("span", { class: "badge", style: `background:${certaintyColour(it.certainty)}` }, it.certainty || "?"),
      " ",
      el("strong", {}, it.type || it.kind),
      it.negated ? el("em", {}, " (negated)") : null,
      " · ",
      el("span", { class: "outlet" }, it.outlet || "unknown outlet"),
      " · ",
      el("span", { class: "date" }, it.published || "undated"),
    ),
    sentence(it.sentence),
    el("div", { class: "source" }, "according to: ", chain(it), it.cue ? ` · cue “${it.cue}”` : ""),
    el(
      "a",
      { href: "#", class: "open-doc", onclick: (e) => { e.preventDefault(); openDocument(it.document_id); } },
      it.title ? `read “${it.title}”` : "read the document",
    ),
  );
}

function contradictions(rows) {
  if (!rows.length) return null;
  return el(
    "section",
    { class: "contradictions" },
    el("h3", {}, `Contradictions (${rows.length})`),
    el(
      "table",
      {},
      el("tr", {}, el("th", {}, "event"), el("th", {}, "field"), el("th", {}, "value"), el("th", {}, "sources")),
      rows.map((c) =>
        el(
          "tr",
          { class: c.conflict ? "conflict" : "" },
          el("td", {}, `${c.type} ${c.when_start || ""}`),
          el("td", {}, c.field),
          el("td", {}, c.value),
          el("td", {}, c.sources.join(", ")),
        ),
      ),
    ),
  );
}

export function showEvidence(answer) {
  const items = answer.evidence || [];
  const parts = [
    el("h3", { class: "evidence-title", "data-kind": answer.kind }, answer.label),
    el("p", { class: "count", id: "evidence-count" }, `${items.length} sentence${items.length === 1 ? "" : "s"}`),
    el("ol", { class: "evidence-list" }, items.map(item)),
    contradictions(answer.contradictions || []),
  ];
  body().replaceChildren(...parts.filter(Boolean));
}

export async function showFrom(path, params) {
  body().replaceChildren(el("p", { class: "hint" }, "loading…"));
  try {
    showEvidence(await get(path, params));
  } catch (err) {
    body().replaceChildren(el("p", { class: "error" }, String(err.message || err)));
  }
}
