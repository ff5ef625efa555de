// kg map: the legend (which doubles as a filter), relation types, minimum count and the date range.

const ALL_DATES = META.dates || [null, null];
const F = {
  types: new Set(META.types.map((t) => t[0])),
  classes: new Set(META.classes.map((c) => c[0])),
  rtypes: new Set(META.relation_types.map((r) => r[0])),
  minCount: 1,
  from: ALL_DATES[0],
  to: ALL_DATES[1],
  undated: false,
  lone: false,  // actors a document names without relating them to anyone: off the map unless asked for
  minConfidence: 0,
  modalities: new Set(META.modalities.map((m) => m[0])),
  negation: "all",  // "all", "hide" (only what the text asserts) or "only" (only what it denies)
};
const LONE = NODE.reduce((k, n, i) => k + (incident[i].length ? 0 : 1), 0);
// What the filters let through (edgePass, nodePass) and what the view shows of it (edgeShown, nodeShown).
const edgePass = new Uint8Array(EDGE.length).fill(1);
const nodePass = new Uint8Array(NODE.length).fill(1);
const edgeShown = new Uint8Array(EDGE.length).fill(1);
const nodeShown = new Uint8Array(NODE.length).fill(1);

function datesActive() {
  return META.dates !== null && (F.from !== ALL_DATES[0] || F.to !== ALL_DATES[1]);
}

function edgeVisible(i) {
  const e = EDGE[i];
  const d = DATA.edges[i];
  if (!F.classes.has(e.class_name) || !F.rtypes.has(e.relation_type) || e.count < F.minCount) return false;
  if (!F.types.has(NODE[d.from].type) || !F.types.has(NODE[d.to].type)) return false;
  if (F.minConfidence > 0 && !(e.confidence >= F.minConfidence)) return false;
  if (!F.modalities.has(e.modality || "asserted")) return false;
  if ((F.negation === "hide" && e.negated) || (F.negation === "only" && !e.negated)) return false;
  if (datesActive()) {
    if (!e.dates.length) return F.undated;
    if (!e.dates.some((x) => x >= F.from && x <= F.to)) return false;
  }
  return true;
}

// An actor named without ties to anyone: shown when asked for, unless the period excludes it.
function loneActorVisible(n) {
  if (!F.lone) return false;
  if (!datesActive()) return true;
  if (!n.first_date) return F.undated;
  return n.first_date <= F.to && (n.last_date || n.first_date) >= F.from;
}

// What the filters let through: an actor stays while one of its ties does (or, without ties, while its
// own dates fit). The view (kg map-view) then shows the most important part of it, a focus or a path.
function applyFilters() {
  for (let i = 0; i < EDGE.length; i++) edgePass[i] = edgeVisible(i) ? 1 : 0;
  for (let i = 0; i < NODE.length; i++) {
    nodePass[i] = F.types.has(NODE[i].type) && (incident[i].length ? incident[i].some((e) => edgePass[e])
      : loneActorVisible(NODE[i])) ? 1 : 0;
  }
  renderView();
  drawTimeline();
}

function visibleCounts() {
  return { nodes: nodeShown.reduce((a, b) => a + b, 0), edges: edgeShown.reduce((a, b) => a + b, 0) };
}

// A legend entry is a toggle; double-click keeps only that entry.
function legend(list, entries, colors, set, kind, labelOf) {
  const ul = $(list);
  for (const [key, count] of entries) {
    const b = el("button", { type: "button", "aria-pressed": "true", dataset: { key: key } },
      swatch(colors[key], kind), el("span", null, labelOf(key)), el("span", { class: "kg-count" }, fmt(count)));
    b.addEventListener("click", () => {
      if (set.has(key)) set.delete(key); else set.add(key);
      syncLegend(ul, set);
      applyFilters();
    });
    b.addEventListener("dblclick", () => {
      set.clear();
      set.add(key);
      syncLegend(ul, set);
      applyFilters();
    });
    ul.append(el("li", null, b));
  }
}

function syncLegend(ul, set) {
  for (const b of ul.querySelectorAll("button")) b.setAttribute("aria-pressed", String(set.has(b.dataset.key)));
}

function relationTypeList() {
  const ul = $("kg-rtypes");
  const classOf = {};
  for (const e of EDGE) classOf[e.relation_type] = classOf[e.relation_type] || e.class_name;
  for (const [rt, count] of META.relation_types) {
    const box = el("input", { type: "checkbox", dataset: { key: rt } });
    box.checked = true;
    box.addEventListener("change", () => {
      if (box.checked) F.rtypes.add(rt); else F.rtypes.delete(rt);
      applyFilters();
    });
    ul.append(el("li", null, el("label", null, box, swatch(META.class_colors[classOf[rt]], "line"),
      rt, el("span", { class: "kg-count" }, fmt(count)))));
  }
  const setAll = (on) => {
    for (const b of ul.querySelectorAll("input")) {
      b.checked = on;
      if (on) F.rtypes.add(b.dataset.key); else F.rtypes.delete(b.dataset.key);
    }
    applyFilters();
  };
  $("kg-rtypes-all").addEventListener("click", () => setAll(true));
  $("kg-rtypes-none").addEventListener("click", () => setAll(false));
}

function setDates(from, to) {
  F.from = from && from >= ALL_DATES[0] ? from : ALL_DATES[0];
  F.to = to && to <= ALL_DATES[1] ? to : ALL_DATES[1];
  if (F.from > F.to) [F.from, F.to] = [F.to, F.from];
  $("kg-date-from").value = F.from || "";
  $("kg-date-to").value = F.to || "";
  applyFilters();
}

// The last day of a month "2020-02" -> "2020-02-29": day 0 of the next month is the last of this one.
function monthEnd(month) {
  const [y, m] = month.split("-").map(Number);
  return month + "-" + String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, "0");
}

// --- timeline: ties per day or month, the chosen period shaded; drag across it to choose ---------
const BINS = (() => {
  if (!META.dates) return [];
  const monthly = META.dates[0].slice(0, 7) !== META.dates[1].slice(0, 7) &&
    (Date.parse(META.dates[1]) - Date.parse(META.dates[0])) / 864e5 > 62;
  const counts = new Map();
  for (const e of EDGE) {
    for (const d of new Set(e.dates.map((x) => (monthly ? x.slice(0, 7) : x)))) counts.set(d, (counts.get(d) || 0) + 1);
  }
  const keys = [];
  if (monthly) {
    let [y, m] = META.dates[0].slice(0, 7).split("-").map(Number);
    const last = META.dates[1].slice(0, 7);
    for (;;) {
      const k = y + "-" + String(m).padStart(2, "0");
      keys.push(k);
      if (k >= last || keys.length > 1200) break;
      m += 1;
      if (m > 12) { m = 1; y += 1; }
    }
    return keys.map((k) => ({ from: k + "-01", to: monthEnd(k), count: counts.get(k) || 0, label: k }));
  }
  for (let t = Date.parse(META.dates[0]); keys.length <= 400; t += 864e5) {
    const k = new Date(t).toISOString().slice(0, 10);
    keys.push(k);
    if (k >= META.dates[1]) break;
  }
  return keys.map((k) => ({ from: k, to: k, count: counts.get(k) || 0, label: k }));
})();

function drawTimeline() {
  const c = $("kg-timeline");
  if (!BINS.length) return;
  const ratio = window.devicePixelRatio || 1;
  const w = c.clientWidth || 260;
  const h = c.clientHeight || 56;
  if (c.width !== Math.round(w * ratio)) { c.width = Math.round(w * ratio); c.height = Math.round(h * ratio); }
  const ctx = c.getContext("2d");
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, w, h);
  const max = Math.max(1, ...BINS.map((b) => b.count));
  const bw = w / BINS.length;
  BINS.forEach((b, i) => {
    const inRange = b.to >= F.from && b.from <= F.to;
    ctx.fillStyle = inRange ? "#0969da" : DARK ? "#30363d" : "#c9d1d9";
    const bh = b.count ? Math.max(2, (h - 14) * b.count / max) : 0;
    ctx.fillRect(i * bw + 0.5, h - 12 - bh, Math.max(1, bw - 1), bh);
  });
  ctx.fillStyle = DARK ? "#8b949e" : "#656d76";
  ctx.font = "10px system-ui, sans-serif";
  ctx.textBaseline = "bottom";
  ctx.fillText(BINS[0].label, 0, h);
  const endLabel = BINS[BINS.length - 1].label;
  ctx.fillText(endLabel, w - ctx.measureText(endLabel).width, h);
}

function timelineDrag() {
  const c = $("kg-timeline");
  let start = null;
  const binAt = (ev) => {
    const r = c.getBoundingClientRect();
    return Math.min(BINS.length - 1, Math.max(0, Math.floor((ev.clientX - r.left) / r.width * BINS.length)));
  };
  const choose = (a, b) => setDates(BINS[Math.min(a, b)].from, BINS[Math.max(a, b)].to);
  c.addEventListener("pointerdown", (ev) => { start = binAt(ev); c.setPointerCapture(ev.pointerId); choose(start, start); });
  c.addEventListener("pointermove", (ev) => { if (start !== null) choose(start, binAt(ev)); });
  c.addEventListener("pointerup", () => { start = null; });
}

function setupFilters() {
  $("kg-lone-count").textContent = fmt(LONE);
  $("kg-lone-label").hidden = !LONE;
  $("kg-lone").addEventListener("change", () => { F.lone = $("kg-lone").checked; applyFilters(); });
  legend("kg-legend-types", META.types, META.type_colors, F.types, "dot", (t) => TYPE_LABEL[t] || t);
  legend("kg-legend-classes", META.classes, META.class_colors, F.classes, "line", (k) => k);
  relationTypeList();
  const range = $("kg-min-count");
  range.max = String(META.max_count);
  range.disabled = META.max_count <= 1;
  range.addEventListener("input", () => {
    F.minCount = Number(range.value);
    $("kg-min-count-value").textContent = range.value;
    applyFilters();
  });
  setupFlagFilters();
  if (META.dates) {
    for (const id of ["kg-date-from", "kg-date-to"]) {
      $(id).min = ALL_DATES[0];
      $(id).max = ALL_DATES[1];
      $(id).addEventListener("change", () => setDates($("kg-date-from").value, $("kg-date-to").value));
    }
    $("kg-date-from").value = ALL_DATES[0];
    $("kg-date-to").value = ALL_DATES[1];
    $("kg-undated").addEventListener("change", () => { F.undated = $("kg-undated").checked; applyFilters(); });
    $("kg-dates-clear").addEventListener("click", () => setDates(null, null));
    timelineDrag();
    $("kg-play").addEventListener("click", () => (playing ? stopPlay() : play()));
  } else {
    $("kg-dates-section").hidden = true;
  }
}

function resetFilters() {
  const refill = (set, entries) => { set.clear(); for (const [k] of entries) set.add(k); };
  refill(F.types, META.types);
  refill(F.classes, META.classes);
  refill(F.rtypes, META.relation_types);
  F.minCount = 1;
  F.lone = false;
  $("kg-lone").checked = false;
  F.from = ALL_DATES[0];
  F.to = ALL_DATES[1];
  F.minConfidence = 0;
  F.negation = "all";
  refill(F.modalities, META.modalities);
  syncFlagFilters();
  stopPlay();
  syncLegend($("kg-legend-types"), F.types);
  syncLegend($("kg-legend-classes"), F.classes);
  for (const b of $("kg-rtypes").querySelectorAll("input")) b.checked = true;
  $("kg-min-count").value = "1";
  $("kg-min-count-value").textContent = "1";
  if (META.dates) { $("kg-date-from").value = F.from; $("kg-date-to").value = F.to; }
  applyFilters();
}

// --- confidence, modality and negation -----------------------------------------------------------
function setupFlagFilters() {
  const conf = $("kg-min-conf");
  conf.addEventListener("input", () => { F.minConfidence = Number(conf.value) / 100; syncFlagFilters(); applyFilters(); });
  const ul = $("kg-modalities");
  for (const [m, count] of META.modalities) {
    const b = el("input", { type: "checkbox", dataset: { key: m } });
    b.checked = true;
    b.addEventListener("change", () => { if (b.checked) F.modalities.add(m); else F.modalities.delete(m); applyFilters(); });
    ul.append(el("li", null, el("label", null, b, m, el("span", { class: "kg-count" }, fmt(count)))));
  }
  const neg = $("kg-negation");
  neg.addEventListener("change", () => { F.negation = neg.value; applyFilters(); });
  if (!META.negated) neg.disabled = true;
}

function syncFlagFilters() {
  $("kg-min-conf").value = String(Math.round(F.minConfidence * 100));
  $("kg-min-conf-value").textContent = F.minConfidence ? F.minConfidence.toFixed(2) : "any";
  for (const b of $("kg-modalities").querySelectorAll("input")) b.checked = F.modalities.has(b.dataset.key);
  $("kg-negation").value = F.negation;
}

// --- time-lapse: a one-month window stepped month by month, once a second -----------------------
const PLAY_STEP_MS = 1000;
let playing = null;
function play() {
  const months = [...new Set(BINS.map((b) => b.from.slice(0, 7)))];
  if (!months.length) return;
  let k = Math.max(0, months.indexOf((F.from || "").slice(0, 7)));
  if (F.from === ALL_DATES[0] && F.to === ALL_DATES[1]) k = 0;
  const step = () => {
    if (k >= months.length) { stopPlay(); return; }
    setDates(months[k] + "-01", monthEnd(months[k]));
    k += 1;
  };
  $("kg-play").textContent = "❚❚ Pause";
  $("kg-play").setAttribute("aria-pressed", "true");
  step();
  playing = setInterval(step, PLAY_STEP_MS);
}

function stopPlay() {
  if (playing !== null) clearInterval(playing);
  playing = null;
  $("kg-play").textContent = "▶ Play";
  $("kg-play").setAttribute("aria-pressed", "false");
}
