// kg map: small helpers. Every string from the input reaches the page through textContent or
// append(text), never as markup; only http(s) URLs become links.
"use strict";

const $ = (id) => document.getElementById(id);

// Build an element: props may hold class, text, title, type, ariaLabel, dataset and on<event> handlers.
function el(tag, props, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k === "title") e.title = v;
    else if (k === "type") e.type = v;
    else if (k === "dataset") Object.assign(e.dataset, v);
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, String(v));
  }
  for (const c of children) {
    if (c !== null && c !== undefined && c !== false) e.append(c);  // a string becomes a text node
  }
  return e;
}

// The URL when it is an absolute http(s) one, else null (javascript:, data:, relative, broken).
function safeHref(u) {
  if (typeof u !== "string") return null;
  try {
    const p = new URL(u);
    return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
  } catch (err) {
    return null;
  }
}

function link(url, text) {
  const href = safeHref(url);
  if (!href) return document.createTextNode(text);
  const a = el("a", { target: "_blank", rel: "noopener noreferrer nofollow" }, text);
  a.href = href;
  return a;
}

// Case, accent and punctuation folded, for matching names: "São Tomé" ~ "sao tome".
function fold(s) {
  return String(s).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

const NUM = new Intl.NumberFormat("en");
const fmt = (n) => NUM.format(n);
const plural = (n, one, many) => fmt(n) + " " + (n === 1 ? one : (many || one + "s"));

function clear(node) {
  while (node.firstChild) node.removeChild(node.firstChild);
}

function swatch(color, kind) {
  const s = el("span", { class: kind === "line" ? "kg-line" : "kg-dot", "aria-hidden": "true" });
  s.style.background = color;
  return s;
}

// A sentence with the two actors' words wrapped in <mark>; marks are [start, end, role] in UTF-16 units.
function markedSentence(sentence, marks) {
  const q = el("blockquote");
  let at = 0;
  for (const [start, end, role] of marks || []) {
    if (!(Number.isInteger(start) && Number.isInteger(end)) || start < at || end > sentence.length) continue;
    q.append(sentence.slice(at, start));
    q.append(el("mark", { class: role === "subject" ? "kg-subject" : "kg-object", title: role },
      sentence.slice(start, end)));
    at = end;
  }
  q.append(sentence.slice(at));
  return q;
}

function facts(pairs) {
  const dl = el("dl", { class: "kg-facts" });
  for (const [k, v] of pairs) {
    if (v === null || v === undefined || v === "") continue;
    dl.append(el("dt", null, k), el("dd", null, typeof v === "number" ? fmt(v) : v));
  }
  return dl;
}

function dateSpan(first, last) {
  if (!first && !last) return null;
  if (first === last || !last) return first;
  return first + " – " + last;
}
