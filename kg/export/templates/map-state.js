// kg map: the view in the URL fragment, so a link keeps it: #focus=Iran&depth=2, #path=Iran|Russia,
// plus the filters and dates. Every change writes it (history.replaceState: no reload, no history
// entry per click); opening such a link, or editing the fragment, restores the view.

const LABEL_COUNT = new Map();
for (const n of NODE) LABEL_COUNT.set(n.label, (LABEL_COUNT.get(n.label) || 0) + 1);
let restoring = false;

// The name the URL uses for an actor: its label, or its id when two actors share the label.
const nameOf = (id) => (LABEL_COUNT.get(NODE[id].label) === 1 ? NODE[id].label : NODE[id].key);

// An actor by label, then id, then any name it goes by (the best search hit); -1 when none.
function resolveActor(name) {
  if (typeof name === "number") return name >= 0 && name < NODE.length ? name : -1;
  const s = String(name || "");
  let best = -1;
  for (let i = 0; i < NODE.length; i++) {
    if (NODE[i].label === s && (best < 0 || RANK_OF[i] < RANK_OF[best])) best = i;
  }
  if (best >= 0) return best;
  const byKey = NODE.findIndex((n) => n.key === s);
  if (byKey >= 0) return byKey;
  const hits = searchActors(s);
  return hits.length && hits[0].rank <= 1 ? hits[0].id : -1;
}

// "," and "|" stay readable: they separate values, names are encoded around them.
const enc = (s) => encodeURIComponent(s);
const setParam = (out, k, v) => out.push(k + "=" + v);
const fullSet = (set, entries) => set.size === entries.length && entries.every(([k]) => set.has(k));

function stateString() {
  const out = [];
  if (V.mode === "focus") {
    setParam(out, "focus", enc(nameOf(V.centre)));
    if (V.depth === 2) setParam(out, "depth", "2");
  } else if (V.mode === "path") {
    setParam(out, "path", V.ends.map((i) => enc(nameOf(i))).join("|"));
  } else if (V.limit !== DEFAULT_LIMIT) {
    setParam(out, "show", V.limit === Infinity ? "all" : String(V.limit));
  }
  const sets = [["types", F.types, META.types], ["classes", F.classes, META.classes],
    ["rtypes", F.rtypes, META.relation_types], ["modality", F.modalities, META.modalities]];
  for (const [k, set, entries] of sets) {
    if (!fullSet(set, entries)) setParam(out, k, entries.filter(([x]) => set.has(x)).map(([x]) => enc(x)).join(",") || "none");
  }
  if (F.minCount > 1) setParam(out, "min", String(F.minCount));
  if (F.minConfidence > 0) setParam(out, "conf", F.minConfidence.toFixed(2));
  if (F.negation !== "all") setParam(out, "negated", F.negation);
  if (datesActive()) { setParam(out, "from", F.from); setParam(out, "to", F.to); }
  if (F.undated) setParam(out, "undated", "1");
  if (F.lone) setParam(out, "lone", "1");
  if ($("kg-size-by").value !== "mentions") setParam(out, "size", $("kg-size-by").value);
  if (colourMode !== "type") setParam(out, "colour", colourMode);
  return out.join("&");
}

function writeState() {
  if (restoring) return;
  const s = stateString();
  if (s === location.hash.replace(/^#/, "")) return;
  try {
    history.replaceState(null, "", s ? "#" + s : location.pathname + location.search);
  } catch (err) {
    // Some browsers refuse replaceState on file: pages; the fragment then still works when set by hand.
  }
}

function parseState(hash) {
  const p = {};
  for (const part of String(hash || "").replace(/^#/, "").split("&")) {
    if (!part) continue;
    const at = part.indexOf("=");
    const k = at < 0 ? part : part.slice(0, at);
    const raw = at < 0 ? "" : part.slice(at + 1).replace(/\+/g, "%20");
    try {
      p[k] = raw;
      p[k + "!"] = decodeURIComponent(raw);
    } catch (err) {
      p[k + "!"] = raw;
    }
  }
  return p;
}

const splitList = (raw, sep) => raw.split(sep).map((x) => { try { return decodeURIComponent(x); } catch (err) { return x; } });

function restoreSet(set, entries, raw) {
  set.clear();
  const want = raw === undefined ? null : new Set(splitList(raw, ","));
  for (const [k] of entries) if (want === null || want.has(k)) set.add(k);
}

// Filters first, then the view; one render at the end.
function restoreState(hash) {
  const p = parseState(hash);
  restoring = true;
  try {
    restoreSet(F.types, META.types, p.types);
    restoreSet(F.classes, META.classes, p.classes);
    restoreSet(F.rtypes, META.relation_types, p.rtypes);
    restoreSet(F.modalities, META.modalities, p.modality);
    F.minCount = Math.max(1, Math.min(META.max_count, Number(p.min) || 1));
    F.minConfidence = Math.max(0, Math.min(1, Number(p.conf) || 0));
    F.negation = ["hide", "only"].includes(p.negated) ? p.negated : "all";
    F.undated = p.undated === "1";
    F.lone = p.lone === "1";
    F.from = ALL_DATES[0];
    F.to = ALL_DATES[1];
    if (META.dates && (p.from || p.to)) {
      F.from = p.from && p.from >= ALL_DATES[0] ? p.from : ALL_DATES[0];
      F.to = p.to && p.to <= ALL_DATES[1] ? p.to : ALL_DATES[1];
    }
    syncControls();
    const size = ["mentions", "degree", "pagerank"].includes(p.size) ? p.size : "mentions";
    if ($("kg-size-by").value !== size) { $("kg-size-by").value = size; sizeBy(size); }
    const colour = p.colour === "community" ? "community" : "type";
    if (colourMode !== colour) { $("kg-colour-by").value = colour; colourBy(colour); }
    V.limit = p.show === "all" ? Infinity : Number(p.show) > 0 ? Number(p.show) : DEFAULT_LIMIT;
    V.mode = "overview";
    const focus = p.focus !== undefined ? resolveActor(p["focus!"]) : -1;
    const ends = p.path !== undefined ? splitList(p.path, "|").map(resolveActor) : [];
    if (focus >= 0) {
      V.mode = "focus";
      V.centre = focus;
      V.depth = p.depth === "2" ? 2 : 1;
    } else if (ends.length === 2 && ends[0] >= 0 && ends[1] >= 0 && ends[0] !== ends[1]) {
      V.mode = "path";
      V.ends = ends;
    }
  } finally {
    restoring = false;
  }
  if (V.mode !== "overview") revealPanel();  // focus and path open it: fitted to the map beside it
  applyFilters();
  if (V.mode === "focus") { network.selectNodes([V.centre]); showNode(V.centre); }
  else if (V.mode === "path") showPath();
}

// The controls show the filters F holds.
function syncControls() {
  syncLegend($("kg-legend-types"), F.types);
  syncLegend($("kg-legend-classes"), F.classes);
  for (const b of $("kg-rtypes").querySelectorAll("input")) b.checked = F.rtypes.has(b.dataset.key);
  $("kg-min-count").value = String(F.minCount);
  $("kg-min-count-value").textContent = String(F.minCount);
  $("kg-lone").checked = F.lone;
  $("kg-undated").checked = F.undated;
  syncFlagFilters();
  if (META.dates) { $("kg-date-from").value = F.from; $("kg-date-to").value = F.to; }
}

// --- the path form: two names in, the chains out ------------------------------------------------------
function openPathForm(from) {
  const form = $("kg-path-form");
  form.hidden = false;
  if (from !== undefined) $("kg-path-a").value = NODE[from].label;
  ($("kg-path-a").value ? $("kg-path-b") : $("kg-path-a")).focus();
}

function setupPathForm() {
  $("kg-path-open").addEventListener("click", () => {
    if ($("kg-path-form").hidden) openPathForm(); else $("kg-path-form").hidden = true;
  });
  $("kg-path-form").addEventListener("submit", (ev) => {
    ev.preventDefault();
    const a = resolveActor($("kg-path-a").value);
    const b = resolveActor($("kg-path-b").value);
    const note = $("kg-path-note");
    note.textContent = a < 0 ? "No actor called “" + $("kg-path-a").value + "”." :
      b < 0 ? "No actor called “" + $("kg-path-b").value + "”." : a === b ? "Two different actors, please." : "";
    if (!note.textContent) pathBetween(a, b);
  });
}

// --- the glossary of relation types, from the ontology (kg/data/map_glossary.jsonl) -------------------
function openGlossary() {
  const box = $("kg-glossary-body");
  clear(box);
  const used = new Map(META.relation_types);
  const table = el("table", { class: "kg-table" }, el("thead", null, el("tr", null,
    el("th", null, "type"), el("th", null, "class"), el("th", null, "meaning"), el("th", null, "typical wording"),
    el("th", null, "ties here"))));
  const tbody = el("tbody");
  for (const g of META.glossary) {
    tbody.append(el("tr", null, el("td", null, swatch(META.class_colors[g.class_name], "line"), " ", g.type),
      el("td", null, g.class_name), el("td", null, g.meaning), el("td", null, g.wording),
      el("td", null, fmt(used.get(g.type) || 0))));
  }
  table.append(tbody);
  box.append(table);
  $("kg-glossary").hidden = false;
}
