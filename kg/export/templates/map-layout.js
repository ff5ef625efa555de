// kg map: layouts of what is shown, computed in the page (deterministic: no randomness, same input, same places).
// force: a ForceAtlas2-like spring layout, then label boxes pushed apart so no two overlap;
// radial: a focused actor in the middle, its neighbours on rings; layered: a path's hops in columns.

const LAYOUT_MAX = 600;        // above this many actors shown, keep the whole map's positions (from Python)
const SPRING = 140;            // preferred length of a tie, canvas units
const LABEL_CHAR = 7;          // approximate width of a label character at 12 px
const GOLDEN = Math.PI * (3 - Math.sqrt(5));
const REPULSION = SPRING * SPRING / 4;
const ROOM = 2.2;              // a laid-out map takes this many times the area of its labels

// The room an actor needs: its dot and its label below it.
function box(id) {
  const size = network.body.nodes[id].options.size || 10;
  const px = Math.max(12, fontSize[id] || 12);
  const w = Math.max(2 * size, Math.min(16 * px, NODE[id].label.length * px * LABEL_CHAR / 12));
  return { w: w + 12, h: 2 * size + px * 1.6 };
}

// A sunflower start (the most important in the middle), then springs and repulsion, then overlap removal.
function forceLayout(ids, pairs) {
  const n = ids.length;
  const at = new Map(ids.map((id, k) => [id, k]));
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let k = 0; k < n; k++) {
    const r = SPRING * 0.6 * Math.sqrt(k + 0.5);
    x[k] = r * Math.cos(k * GOLDEN);
    y[k] = r * Math.sin(k * GOLDEN);
  }
  const links = [];
  for (const [a, b, w] of pairs) {
    if (at.has(a) && at.has(b) && a !== b) links.push([at.get(a), at.get(b), Math.min(3, 1 + Math.log(w))]);
  }
  const deg = new Float64Array(n);
  for (const [a, b] of links) { deg[a] += 1; deg[b] += 1; }
  const iterations = n <= 150 ? 150 : n <= 300 ? 90 : 50;
  const dx = new Float64Array(n);
  const dy = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    const heat = SPRING * 0.5 * (1 - it / iterations) + 2;
    dx.fill(0);
    dy.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        let ddx = x[i] - x[j];
        let ddy = y[i] - y[j];
        let d2 = ddx * ddx + ddy * ddy;
        if (d2 < 1e-6) { ddx = 0.1 * (i - j); ddy = 0.1; d2 = ddx * ddx + ddy * ddy; }
        // Hubs push harder (ForceAtlas2's degree-weighted repulsion): leaves spread around them.
        const f = REPULSION * (1 + deg[i]) * (1 + deg[j]) / (d2 * Math.sqrt(d2));
        dx[i] += ddx * f; dy[i] += ddy * f;
        dx[j] -= ddx * f; dy[j] -= ddy * f;
      }
    }
    for (const [a, b, w] of links) {
      const ddx = x[a] - x[b];
      const ddy = y[a] - y[b];
      const d = Math.sqrt(ddx * ddx + ddy * ddy) || 1;
      const f = w * d / SPRING;
      dx[a] -= ddx / d * f * SPRING / 4; dy[a] -= ddy / d * f * SPRING / 4;
      dx[b] += ddx / d * f * SPRING / 4; dy[b] += ddy / d * f * SPRING / 4;
    }
    for (let i = 0; i < n; i++) {
      // Gravity keeps the separate groups near the middle.
      dx[i] -= x[i] * 0.02 * (1 + deg[i]);
      dy[i] -= y[i] * 0.02 * (1 + deg[i]);
      const len = Math.sqrt(dx[i] * dx[i] + dy[i] * dy[i]) || 1;
      const step = Math.min(heat, len);
      x[i] += dx[i] / len * step;
      y[i] += dy[i] / len * step;
    }
  }
  // Room for every label: spread the drawing until it has ROOM times the boxes' total area.
  let area = 0;
  for (const id of ids) { const b = box(id); area += b.w * b.h; }
  const span = (a) => Math.max(1, Math.max(...a) - Math.min(...a));
  const grow = n > 1 ? Math.sqrt(ROOM * area / (span(x) * span(y))) : 1;
  const k = Math.max(1, grow);
  const pos = new Map(ids.map((id, i) => [id, { x: x[i] * k, y: y[i] * k }]));
  separate(ids, pos, new Set());
  return pos;
}

// Push apart any two actors whose label boxes overlap, along the shorter way out; pinned ones stay.
// Pairwise, sorted by x so a row ends at the first box too far right; rounds until none overlaps.
const SEPARATE_ROUNDS = 200;
const GAP = 2;
function separate(ids, pos, pinned) {
  const boxes = new Map(ids.map((id) => [id, box(id)]));
  const maxW = Math.max(0, ...[...boxes.values()].map((b) => b.w));
  for (let round = 0; round < SEPARATE_ROUNDS; round++) {
    let moved = false;
    const order = ids.slice().sort((a, b) => pos.get(a).x - pos.get(b).x || a - b);
    const xs = order.map((id) => pos.get(id).x);
    for (let i = 0; i < order.length; i++) {
      const a = order[i];
      const pa = pos.get(a);
      const ba = boxes.get(a);
      for (let j = i + 1; j < order.length; j++) {
        if (xs[j] - xs[i] > (ba.w + maxW) / 2 + GAP + 2 * SPRING) break;  // sorted at the start of the round
        const b = order[j];
        const pb = pos.get(b);
        const bb = boxes.get(b);
        // Overlapping by more than a hair (pushed boxes end up exactly touching, GAP apart).
        const ox = (ba.w + bb.w) / 2 + GAP - Math.abs(pb.x - pa.x);
        if (ox <= 0.5) continue;
        const oy = (ba.h + bb.h) / 2 + GAP - Math.abs(pb.y - pa.y);
        if (oy <= 0.5) continue;
        moved = true;
        const wa = pinned.has(a) ? 0 : pinned.has(b) ? 1 : 0.5;
        const wb = pinned.has(b) ? 0 : 1 - wa;
        if (ox < oy) {
          const sx = pb.x >= pa.x ? 1 : -1;
          pa.x -= sx * ox * wa; pb.x += sx * ox * wb;
        } else {
          const sy = pb.y >= pa.y ? 1 : -1;
          pa.y -= sy * oy * wa; pb.y += sy * oy * wb;
        }
      }
    }
    if (!moved) break;
  }
}

// The focused actor in the middle, depth-1 neighbours on a ring (grouped by relation class),
// depth-2 ones on an outer ring next to the neighbour that brought them.
function radialLayout(centre, rings) {
  const pos = new Map([[centre, { x: 0, y: 0 }]]);
  let radius = 0;
  let angleOf = new Map([[centre, 0]]);
  for (const ring of rings) {
    const sorted = ring.slice().sort((a, b) => (angleOf.get(a.parent) ?? 0) - (angleOf.get(b.parent) ?? 0) ||
      a.group.localeCompare(b.group) || NODE[a.id].label.localeCompare(NODE[b.id].label));
    const need = sorted.reduce((s, r) => s + Math.min(box(r.id).w, 160) + 10, 0);
    radius = Math.max(radius + 260, need / (2 * Math.PI));
    const next = new Map();
    sorted.forEach((r, k) => {
      const a = -Math.PI / 2 + 2 * Math.PI * k / Math.max(1, sorted.length);
      pos.set(r.id, { x: radius * Math.cos(a), y: radius * Math.sin(a) });
      next.set(r.id, a);
    });
    angleOf = new Map([...angleOf, ...next]);
  }
  separate([...pos.keys()], pos, new Set([centre]));
  return pos;
}

// Columns by distance from the first actor; in each column the actors one above the other.
function layeredLayout(columns) {
  const pos = new Map();
  let x = 0;
  columns.forEach((col) => {
    const boxes = col.map(box);
    const total = boxes.reduce((s, b) => s + b.h + 16, 0);
    let y = -total / 2;
    col.forEach((id, k) => {
      pos.set(id, { x: x, y: y + boxes[k].h / 2 });
      y += boxes[k].h + 16;
    });
    x += Math.max(300, ...boxes.map((b) => b.w + 120));
  });
  return pos;
}

// Move the shown actors to their new places at once (no animation: the view is fitted afterwards).
function place(pos) {
  for (const [id, p] of pos) {
    const n = network.body.nodes[id];
    n.x = p.x;
    n.y = p.y;
  }
}
