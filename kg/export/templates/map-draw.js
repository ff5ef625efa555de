// kg map: the frame drawn in bulk. vis-network draws each actor and each tie on its own: two save/restore
// pairs per actor and a fresh object of formatting values per tie, every frame. At 8,000 actors and 30,000
// ties that is half a second a frame, most of it in ctx.restore. Here the plain items (a dot, a solid tie,
// neither selected nor hovered) are drawn as one path per style, in vis-network's colours and widths;
// anything else (selected, hovered, dashed, a loop, a shadow) is left to vis-network's own painters.
// Items out of view are skipped (vis-network culls actors, never ties), and each drawn actor's box is kept
// up to date as vis-network's own drawing would, so clicks and fit find it where it is drawn.

const VIEW_MARGIN = 20;    // px around the view still drawn (vis-network's own margin for actors)
const ARROW_UNITS = 11;    // an arrowhead's length in canvas units (vis-network: 15 x scaleFactor 0.55 + width)
const MIN_ARROW_PX = 2;    // arrowheads smaller than this are not seen: not drawn
const MIN_TIE_PX = 0.3;    // vis-network draws a tie at least this wide on screen
const renderer = network.renderer;
const visDrawNodes = renderer._drawNodes.bind(renderer);

// The canvas area in view, widened by the margin.
function viewArea() {
  const canvas = renderer.canvas;
  const tl = canvas.DOMtoCanvas({ x: -VIEW_MARGIN, y: -VIEW_MARGIN });
  const br = canvas.DOMtoCanvas({ x: canvas.frame.canvas.clientWidth + VIEW_MARGIN,
    y: canvas.frame.canvas.clientHeight + VIEW_MARGIN });
  return { left: tl.x, top: tl.y, right: br.x, bottom: br.y };
}

// Each item's style, found once (reading vis-network's layered options costs more than drawing): an index
// into the styles, or NOT_PLAIN for an item vis-network draws itself. Found when the page opens and again
// after a change of the DataSets (size or colour by), before the next frame.
const NOT_PLAIN = -1;
const dotStyleOf = new Int32Array(NODE.length).fill(NOT_PLAIN);
const tieStyleOf = new Int32Array(EDGE.length).fill(NOT_PLAIN);
const tieBent = new Uint8Array(EDGE.length);  // 1: bent in one curve (vis-network's static smooth types)
const dotStyles = [];
const tieStyles = [];
const styleIndex = new Map();
let stylesStale = true;
nodes.on("*", () => { stylesStale = true; });
edges.on("*", () => { stylesStale = true; });

function styleId(styles, key, make) {
  let i = styleIndex.get(key);
  if (i === undefined) {
    i = styles.length;
    styles.push(make());
    styleIndex.set(key, i);
  }
  return i;
}

function findStyles() {
  const body = network.body;
  for (let i = 0; i < NODE.length; i++) dotStyleOf[i] = body.nodes[i] ? dotStyle(body.nodes[i]) : NOT_PLAIN;
  for (let i = 0; i < EDGE.length; i++) tieStyleOf[i] = body.edges[i] ? tieStyle(body.edges[i], i) : NOT_PLAIN;
  stylesStale = false;
}

// Some of a tie or dot, with the bend of a tie when it has one, entirely on one side of the view.
const beyond = (a, b, c, lo, hi) => (a < lo && b < lo && c < lo) || (a > hi && b > hi && c > hi);

// --- actors ------------------------------------------------------------------------------------------
// A dot drawn in bulk: no label on the canvas (kg names the actors itself), no opacity, shadow, dashes, icon.
function dotStyle(n) {
  const o = n.options;
  const plain = o.shape === "dot" && o.label === undefined && o.opacity === undefined && !o.shadow.enabled &&
    !o.shapeProperties.borderDashes && !(o.icon && o.icon.code !== undefined);
  if (!plain) return NOT_PLAIN;
  const c = o.color;
  return styleId(dotStyles, "dot|" + c.background + "|" + c.border + "|" + o.borderWidth + "|" + o.size,
    () => ({ fill: c.background, stroke: c.border, border: o.borderWidth, r: o.size }));
}

// The box vis-network keeps for hit tests and fit, where the dot is now.
function keepBox(n, r) {
  const s = n.shape;
  s.width = 2 * r;
  s.height = 2 * r;
  s.radius = r;
  s._updateBoundingBox(n.x, n.y);
}

function drawNodesInBulk(ctx, alwaysShow) {
  // The hidden frame vis-network draws to measure labels: its own painters.
  if (alwaysShow === true) return visDrawNodes(ctx, alwaysShow);
  if (stylesStale) findStyles();
  const body = network.body;
  const v = viewArea();
  const paths = [];
  const own = [];       // drawn by vis-network after the bulk, in its order: others, then selected, then hovered
  const selected = [];
  const hovered = [];
  for (const id of body.nodeIndices) {
    const n = body.nodes[id];
    const k = dotStyleOf[id];
    if (n.hover) hovered.push(n);
    else if (n.selected) selected.push(n);
    else if (k === NOT_PLAIN) own.push(n);
    else {
      const r = dotStyles[k].r;
      keepBox(n, r);
      if (beyond(n.x - r, n.x + r, n.x, v.left, v.right) || beyond(n.y - r, n.y + r, n.y, v.top, v.bottom)) continue;
      const path = paths[k] || (paths[k] = new Path2D());
      path.moveTo(n.x + r, n.y);
      path.arc(n.x, n.y, r, 0, 2 * Math.PI);
    }
  }
  paths.forEach((path, k) => {
    const st = dotStyles[k];
    ctx.fillStyle = st.fill;
    ctx.fill(path);
    // vis-network's border: never wider than the dot (initContextForDraw).
    const width = Math.min(2 * st.r, st.border / body.view.scale);
    if (width > 0) {
      ctx.strokeStyle = st.stroke;
      ctx.lineWidth = width;
      ctx.stroke(path);
    }
  });
  const labels = [];
  for (const n of [...own, ...selected, ...hovered]) {
    const later = n.draw(ctx) || {};
    if (later.drawExternalLabel) labels.push(later.drawExternalLabel);
  }
  return { drawExternalLabels: () => { for (const f of labels) f(); } };
}

// --- ties --------------------------------------------------------------------------------------------
// A tie drawn in bulk: solid, between two actors, its own colour, straight or bent in one curve (vis-network's
// static smooth types), no shadow, background or canvas caption.
function tieStyle(e, id) {
  const o = e.options;
  const smooth = o.smooth.enabled === true;
  tieBent[id] = smooth ? 1 : 0;
  const plain = e.from !== e.to && o.dashes === false && !o.shadow.enabled && !o.background.enabled &&
    !o.color.inherit && o.label === undefined && !(smooth && (o.smooth.type === "dynamic" || o.smooth.type === "cubicBezier"));
  if (!plain) return NOT_PLAIN;
  const c = o.color;
  return styleId(tieStyles, "tie|" + c.color + "|" + c.opacity + "|" + o.width,
    () => ({ color: c.color, alpha: typeof c.opacity === "number" ? c.opacity : 1, width: o.width }));
}

// The bend of a tie, or null for a straight one.
function bendOf(id, e) {
  if (!tieBent[id]) return null;
  const via = e.edgeType.getViaNode();
  return via && typeof via.x === "number" ? via : null;
}

// Nothing of the tie from a to b (bent through c) can be seen in the view.
function tieOutOfView(a, b, c, v) {
  const cx = c ? c.x : a.x;
  const cy = c ? c.y : a.y;
  return beyond(a.x, b.x, cx, v.left, v.right) || beyond(a.y, b.y, cy, v.top, v.bottom);
}

function drawEdgesInBulk(ctx) {
  if (stylesStale) findStyles();
  const body = network.body;
  const v = viewArea();
  const paths = [];
  const own = [];  // drawn by vis-network over the bulk (a selected tie on top), in its order
  for (const id of body.edgeIndices) {
    const e = body.edges[id];
    if (e.connected !== true) continue;
    const k = tieStyleOf[id];
    if (k === NOT_PLAIN || e.selected || e.hover) { own.push(e); continue; }
    const p = e.edgeType;
    const via = bendOf(id, e);
    if (tieOutOfView(p.fromPoint, p.toPoint, via, v)) continue;
    const path = paths[k] || (paths[k] = new Path2D());
    path.moveTo(p.fromPoint.x, p.fromPoint.y);
    if (via) path.quadraticCurveTo(via.x, via.y, p.toPoint.x, p.toPoint.y);
    else path.lineTo(p.toPoint.x, p.toPoint.y);
  }
  const minWidth = MIN_TIE_PX / body.view.scale;
  ctx.save();
  paths.forEach((path, k) => {
    const st = tieStyles[k];
    ctx.strokeStyle = st.color;
    ctx.globalAlpha = st.alpha;
    ctx.lineWidth = Math.max(st.width, minWidth);
    ctx.stroke(path);
  });
  ctx.restore();
  for (const e of own) e.draw(ctx);
}

// Arrowheads smaller than a few pixels are not seen, yet drawing them is half of a frame of 30,000 ties:
// zoomed out that far, none are drawn (a highlight still draws its own); zoomed in, only those in view.
function drawArrowsInView(ctx) {
  if (network.getScale() * ARROW_UNITS < MIN_ARROW_PX) return;
  const body = network.body;
  const v = viewArea();
  for (const id of body.edgeIndices) {
    const e = body.edges[id];
    if (e.connected !== true || tieOutOfView(e.from, e.to, bendOf(id, e), v)) continue;
    e.drawArrows(ctx);
  }
}

renderer._drawNodes = drawNodesInBulk;
renderer._drawEdges = drawEdgesInBulk;
renderer._drawArrows = drawArrowsInView;
findStyles();
