// The JSON API of `warledger serve` (see /openapi.json). Same origin, reads only.

export const CERTAINTIES = ["asserted", "reported", "hedged", "alleged", "speculative", "denied"];
export const CERTAINTY_COLOURS = {
  asserted: "#1b7837",
  reported: "#5aae61",
  hedged: "#d9a600",
  alleged: "#e08214",
  speculative: "#b35806",
  denied: "#7f3b08",
};

export function certaintyColour(c) {
  return CERTAINTY_COLOURS[c] || "#888";
}

export function firmest(list) {
  const ranks = list.map((c) => CERTAINTIES.indexOf(c)).filter((r) => r >= 0);
  return ranks.length ? CERTAINTIES[Math.min(...ranks)] : null;
}

export async function get(path, params = {}) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v !== undefined && v !== null && v !== "") query.set(k, v);
  }
  const url = query.toString() ? `${path}?${query}` : path;
  const reply = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await reply.json();
  if (!reply.ok) throw new Error(body.error || `${reply.status} on ${url}`);
  return body;
}

export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === "class") node.className = v;
    else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
    else if (v !== undefined && v !== null) node.setAttribute(k, v);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return node;
}

export function fillCertainty(select) {
  select.replaceChildren(el("option", { value: "" }, "any"));
  for (const c of CERTAINTIES) select.append(el("option", { value: c }, c));
}
