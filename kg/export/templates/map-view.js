// kg map: what is shown. Three views of the graph:
// overview: of what the filters let through, the most important actors (PageRank over reports) and their ties;
// focus: one actor and its neighbours to depth 1 or 2, whatever the filters hide;
// path: the shortest chains of ties (up to 3) between two actors, whatever the filters hide.
// Every change of the shown set is laid out anew (kg map-layout) and the view fitted to it.

const OPEN_ALL_UPTO = 150;  // a map of up to this many actors opens whole
const OPEN_WITH = 100;      // a bigger one opens with this many of its most important actors
const MAX_HOPS = 3;
const MAX_CHAINS = 12;
const MANY_TIES = 2000;     // above this many ties shown, a drag or zoom draws the actors only, the ties after
const RANK = NODE.map((n, i) => i).sort((a, b) => NODE[b].pagerank - NODE[a].pagerank ||
  NODE[b].mentions - NODE[a].mentions || a - b);
const RANK_OF = new Int32Array(NODE.length);
RANK.forEach((id, k) => { RANK_OF[id] = k; });
const DEFAULT_LIMIT = NODE.length > OPEN_ALL_UPTO ? OPEN_WITH : Infinity;
const V = { mode: "overview", limit: DEFAULT_LIMIT, centre: null, depth: 1, ends: null, chains: [], hops: 0 };
const BASE = DATA.nodes.map((n) => (typeof n.x === "number" ? { x: n.x, y: n.y } : null));
let laidOut = null;    // what the current positions were computed for
let candidates = 0;    // actors the filters let through (overview)

const other = (eid, u) => (DATA.edges[eid].from === u ? DATA.edges[eid].to : DATA.edges[eid].from);

// The overview: the first `limit` actors in importance order that pass the filters, and their passing ties.
function overviewView(nS, eS) {
  candidates = 0;
  for (const id of RANK) {
    if (!nodePass[id]) continue;
    candidates += 1;
    if (candidates <= V.limit) nS[id] = 1;
  }
  for (let i = 0; i < EDGE.length; i++) {
    if (edgePass[i] && nS[DATA.edges[i].from] && nS[DATA.edges[i].to]) eS[i] = 1;
  }
}

// Breadth-first over every tie, either direction: actor -> hops from `src` (up to maxDepth).
function hopsFrom(src, maxDepth, visit) {
  const dist = new Map([[src, 0]]);
  let frontier = [src];
  for (let d = 1; d <= maxDepth && frontier.length; d++) {
    const next = [];
    for (const u of frontier) {
      for (const eid of incident[u]) {
        const v = other(eid, u);
        if (dist.has(v)) continue;
        dist.set(v, d);
        next.push(v);
        if (visit) visit(v, u, eid, d);
      }
    }
    frontier = next;
  }
  return dist;
}

// The focus: the actor, its neighbours (and theirs at depth 2) with every tie between them that
// reaches inward; filters do not apply, the point is to see everything around one actor.
function focusView(nS, eS) {
  const rings = Array.from({ length: V.depth }, () => []);
  const dist = hopsFrom(V.centre, V.depth, (v, u, eid, d) => {
    rings[d - 1].push({ id: v, parent: u, group: EDGE[eid].class_name });
  });
  for (const id of dist.keys()) nS[id] = 1;
  for (const u of dist.keys()) {
    for (const eid of incident[u]) {
      const v = other(eid, u);
      if (dist.has(v) && (V.depth === 1 || Math.min(dist.get(u), dist.get(v)) < V.depth)) eS[eid] = 1;
    }
  }
  return () => radialLayout(V.centre, rings);
}

// The path: every actor and tie on a shortest chain between the two ends (up to MAX_HOPS ties).
function pathView(nS, eS) {
  const [a, b] = V.ends;
  const da = hopsFrom(a, MAX_HOPS);
  const db = hopsFrom(b, MAX_HOPS);
  const hops = da.get(b);
  V.hops = hops === undefined ? 0 : hops;
  V.chains = [];
  nS[a] = 1;
  nS[b] = 1;
  if (hops === undefined) return () => layeredLayout([[a], [b]]);
  const on = (v) => da.has(v) && db.has(v) && da.get(v) + db.get(v) === hops;
  const columns = Array.from({ length: hops + 1 }, () => []);
  for (const [v, d] of da) {
    if (!on(v)) continue;
    nS[v] = 1;
    columns[d].push(v);
  }
  for (const cols of columns) cols.sort((x, y) => RANK_OF[x] - RANK_OF[y]);
  for (let eid = 0; eid < EDGE.length; eid++) {
    const { from, to } = DATA.edges[eid];
    if (nS[from] && nS[to] && on(from) && on(to) && Math.abs(da.get(from) - da.get(to)) === 1) eS[eid] = 1;
  }
  // The chains themselves, most important actors first, for the panel.
  const walk = (chain) => {
    if (V.chains.length >= MAX_CHAINS) return;
    const u = chain[chain.length - 1];
    if (u === b) { V.chains.push(chain.slice()); return; }
    const next = [...new Set(incident[u].filter((e) => eS[e]).map((e) => other(e, u)))]
      .filter((v) => da.get(v) === da.get(u) + 1).sort((x, y) => RANK_OF[x] - RANK_OF[y]);
    for (const v of next) walk(chain.concat([v]));
  };
  walk([a]);
  return () => layeredLayout(columns);
}

// Ties between two actors on the shown map, strongest first.
function tiesBetween(u, v) {
  return incident[u].filter((e) => edgeShown[e] && other(e, u) === v).sort((x, y) => EDGE[y].count - EDGE[x].count || x - y);
}

// Set vis-network's hidden flags of what changed; true if anything did.
function setShown(nS, eS) {
  const body = network.body;
  let changed = false;
  for (let i = 0; i < EDGE.length; i++) {
    if (eS[i] !== edgeShown[i]) { edgeShown[i] = eS[i]; body.edges[i].options.hidden = !eS[i]; changed = true; }
  }
  for (let i = 0; i < NODE.length; i++) {
    if (nS[i] !== nodeShown[i]) { nodeShown[i] = nS[i]; body.nodes[i].options.hidden = !nS[i]; changed = true; }
  }
  // vis-network's own refresh ("_dataChanged") re-checks every edge's nodes and takes most of a second at
  // 8,000 actors; only the lists of drawn items change, and a shown tie always has both its actors shown.
  if (changed) {
    const ns = [];
    const es = [];
    for (let i = 0; i < NODE.length; i++) if (nS[i]) ns.push(i);
    for (let i = 0; i < EDGE.length; i++) if (eS[i]) es.push(i);
    body.nodeIndices = ns;
    body.edgeIndices = es;
  }
  return changed;
}

// Show the view: set the hidden flags, lay out anew what changed, fit, and draw it once. The flags, the
// layout, the fit and the highlight would each draw or ask for a frame: at 30,000 ties a frame takes
// half a second, so vis-network's redraws wait (allowRedraw) until the one at the end.
function renderView() {
  const nS = new Uint8Array(NODE.length);
  const eS = new Uint8Array(EDGE.length);
  const layout = V.mode === "focus" ? focusView(nS, eS) : V.mode === "path" ? pathView(nS, eS) : overviewView(nS, eS);
  const body = network.body;
  const renderer = network.renderer;
  let redraw = highlight !== null;
  renderer.allowRedraw = false;
  try {
    redraw = setShown(nS, eS) || redraw;
    hideTiesWhileMoving(body.edgeIndices.length > MANY_TIES);
    const key = V.mode + ":" + (V.mode === "focus" ? V.centre + ":" + V.depth : V.mode === "path" ? V.ends.join("|") : "") +
      ":" + body.nodeIndices.join(",");
    // The same actors in the same view: nothing moves, no new layout nor fit.
    if (key !== laidOut) {
      laidOut = key;
      relayout(layout);
      redraw = true;
    }
    if (highlight && highlight.node !== undefined && !nodeShown[highlight.node]) { unhighlight(); closePanel(); }
    else if (highlight && highlight.node !== undefined) highlightNode(highlight.node);
    else if (highlight && highlight.edge !== undefined && !edgeShown[highlight.edge]) { unhighlight(); closePanel(); }
  } finally {
    renderer.allowRedraw = true;
  }
  if (redraw) network.redraw();
  updateSummary();
  updateViewBar();
  refreshTable();
  writeState();
}

// A frame of tens of thousands of ties takes most of a second: while the view is dragged or zoomed, draw
// only the actors (vis-network's hideEdgesOnDrag/OnZoom), and every tie once it stops.
let hidingTies = null;
function hideTiesWhileMoving(hide) {
  if (hide === hidingTies) return;
  hidingTies = hide;
  network.setOptions({ interaction: { hideEdgesOnDrag: hide, hideEdgesOnZoom: hide } });
}

// Layouts already computed, by what they were computed for: going back to a view finds it as it was.
const LAYOUT_CACHE = new Map();
const LAYOUT_CACHE_SIZE = 24;
function relayout(layout) {
  const ids = network.body.nodeIndices.slice();
  if (layout) place(layout());
  else if (LAYOUT_CACHE.has(laidOut)) place(LAYOUT_CACHE.get(laidOut));
  else if (ids.length <= LAYOUT_MAX) {
    const pairs = [];
    for (const eid of network.body.edgeIndices) pairs.push([DATA.edges[eid].from, DATA.edges[eid].to, EDGE[eid].count]);
    ids.sort((a, b) => RANK_OF[a] - RANK_OF[b]);
    const pos = forceLayout(ids, pairs);
    if (LAYOUT_CACHE.size >= LAYOUT_CACHE_SIZE) LAYOUT_CACHE.delete(LAYOUT_CACHE.keys().next().value);
    LAYOUT_CACHE.set(laidOut, new Map([...pos].map(([id, p]) => [id, { x: p.x, y: p.y }])));
    place(pos);
  } else {
    place(new Map(ids.map((id, k) => [id, BASE[id] || { x: 40 * Math.sqrt(k) * Math.cos(k * GOLDEN), y: 40 * Math.sqrt(k) * Math.sin(k * GOLDEN) }])));
  }
  fitShown();
}

// Fit the view to the shown actors with their labels. (vis-network's fit reads the boxes of the last
// frame, which are stale right after a new layout.)
function fitShown(animate) {
  const ids = network.body.nodeIndices;
  if (!ids.length) return;
  // The canvas follows its box first (the panel or the table may have just opened or closed): else
  // vis-network resizes it at the next frame and zooms the fitted view out or in by as much.
  network.canvas.setSize();
  let x0 = Infinity; let y0 = Infinity; let x1 = -Infinity; let y1 = -Infinity;
  for (const id of ids) {
    const n = network.body.nodes[id];
    const w = box(id).w / 2;
    x0 = Math.min(x0, n.x - w); x1 = Math.max(x1, n.x + w);
    y0 = Math.min(y0, n.y - n.options.size); y1 = Math.max(y1, n.y + n.options.size + 20);
  }
  const canvas = $("kg-map").querySelector("canvas");
  const W = canvas.clientWidth || 800;
  const H = canvas.clientHeight || 600;
  const scale = Math.min(1.6, 0.92 * W / Math.max(1, x1 - x0), 0.92 * H / Math.max(1, y1 - y0));
  network.moveTo({ position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: scale,
    animation: animate ? { duration: 300, easingFunction: "easeInOutQuad" } : false });
}

// --- entering and leaving the views ----------------------------------------------------------------
function focusActor(id, depth) {
  if (!(id >= 0 && id < NODE.length)) return false;
  V.mode = "focus";
  V.centre = id;
  V.depth = depth === 2 ? 2 : 1;
  revealPanel();
  applyFilters();
  network.selectNodes([id]);
  highlight = null;
  showNode(id);
  return true;
}

function pathBetween(a, b) {
  if (!(a >= 0 && b >= 0 && a < NODE.length && b < NODE.length) || a === b) return false;
  V.mode = "path";
  V.ends = [a, b];
  revealPanel();
  applyFilters();
  unhighlight();
  showPath();
  return true;
}

function overview() {
  V.mode = "overview";
  V.centre = null;
  V.ends = null;
  unhighlight();
  closePanel();
  applyFilters();
}

function showMore(all) {
  V.limit = all || V.limit * 2 >= candidates ? Infinity : V.limit * 2;
  applyFilters();
}

// Tie captions the view names without being asked: the focus's own ties, every tie of a path.
function viewLabelledEdges() {
  if (V.mode === "focus") return incident[V.centre].filter((e) => edgeShown[e]).sort((x, y) => EDGE[y].count - EDGE[x].count || x - y);
  if (V.mode === "path") return network.body.edgeIndices.slice();
  return [];
}

// --- what the page says about the view --------------------------------------------------------------
function updateSummary() {
  const c = visibleCounts();
  const p = $("kg-summary");
  clear(p);
  p.append(el("strong", null, fmt(c.nodes)), " of " + plural(META.shown_nodes, "actor") + ", ",
    el("strong", null, fmt(c.edges)), " of " + plural(META.shown_edges, "tie") + " shown.");
  if (V.mode === "overview" && candidates > c.nodes) {
    p.append(el("br"), el("span", { class: "kg-hidden-note" }, "The " + fmt(c.nodes) + " most important of the " +
      plural(candidates, "actor") + " the filters let through (by PageRank over the reports); " +
      fmt(candidates - c.nodes) + " hidden. "),
    el("button", { type: "button", id: "kg-more", class: "kg-link", onclick: () => showMore(false) }, "show more"), " ",
    el("button", { type: "button", id: "kg-all", class: "kg-link", onclick: () => showMore(true) }, "show all"));
  }
  if (LONE && !F.lone) p.append(el("br"), plural(LONE, "actor") + " without ties not shown.");
  if (META.omitted_nodes) {
    p.append(el("br"), el("span", { class: "kg-warning" },
      plural(META.omitted_nodes, "less important actor") + " (and " + plural(META.omitted_edges, "tie") +
      ") left out of " + fmt(META.total_nodes) + " by max-nodes " + fmt(META.max_nodes) + "."));
  }
  if (META.documents) p.append(el("br"), "From " + plural(META.documents, "document") + ".");
}

function updateViewBar() {
  const bar = $("kg-view-bar");
  clear(bar);
  bar.hidden = V.mode === "overview";
  if (V.mode === "focus") {
    const n = NODE[V.centre];
    bar.append(el("span", null, "Focus on ", el("strong", null, n.label), " and its neighbours" +
      (V.depth === 2 ? " to depth 2" : "") + ", whatever the filters hide. "),
    el("button", { type: "button", id: "kg-depth", onclick: () => focusActor(V.centre, V.depth === 2 ? 1 : 2) },
      V.depth === 2 ? "Depth 1" : "Depth 2"));
  } else if (V.mode === "path") {
    const [a, b] = V.ends.map((i) => NODE[i].label);
    bar.append(el("span", null, V.hops ? "Shortest chains (" + plural(V.hops, "tie") + ") between " : "No chain of up to " +
      MAX_HOPS + " ties between ", el("strong", null, a), " and ", el("strong", null, b), ". "));
  }
  if (V.mode !== "overview") bar.append(el("button", { type: "button", id: "kg-back", onclick: overview }, "← Back to the map"));
}
