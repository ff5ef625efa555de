"""Node positions computed in Python, so GraphML, GEXF and the HTML map all show the same picture.

``compute_layout`` runs a force-directed layout on the actor graph seen as undirected pairs
(parallel relations between two actors merged into one spring) and returns positions scaled to
``-scale..scale`` (1000 by default, a range Gephi and vis-network display well).

Two methods, both vectorised with numpy (networkx's own ``forceatlas2_layout`` and
``spring_layout`` take 30-70 s for 3,000 nodes here: they allocate an n x n x 2 array per step or
loop over nodes in Python):

* ``forceatlas2`` (default): Jacomy et al.'s ForceAtlas2 as Gephi implements it — degree-weighted
  repulsion, linear attraction, adaptive global and per-node speed (swinging/traction) — with
  *strong* gravity, because news graphs are full of small components (two actors, one sentence)
  that ordinary gravity lets drift so far away that the main component shrinks to a dot;
* ``spring``: Fruchterman-Reingold as networkx's ``spring_layout`` runs it (k = 1/sqrt(n), linear
  cooling), plus a weak pull to the centre for the same reason.

Repulsion is exact (all pairs, O(n^2) per iteration) but computed in row blocks with one matrix
product per block, so 3,000 nodes take a few seconds; see ``benchmarks/bench_exports.py``. The
result depends only on the graph and the seed: nodes are processed in sorted order and the
initial positions come from ``numpy.random.default_rng(seed)``.

>>> import networkx as nx
>>> G = nx.MultiDiGraph([("a", "b"), ("b", "c"), ("c", "a"), ("x", "y")])
>>> pos = compute_layout(G, seed=1)
>>> sorted(pos) == ["a", "b", "c", "x", "y"], pos == compute_layout(G, seed=1)
(True, True)
>>> max(max(abs(x), abs(y)) for x, y in pos.values())
1000.0
"""

from __future__ import annotations

import functools
import math
from collections.abc import Hashable
from typing import Any, Literal

import networkx as nx
import numpy as np
import numpy.typing as npt

Method = Literal["forceatlas2", "spring"]
FloatArray = npt.NDArray[np.float64]

#: Iterations when the caller does not say; enough for a stable picture of a few thousand nodes.
DEFAULT_ITERATIONS: dict[str, int] = {"forceatlas2": 150, "spring": 100}
#: Rows of the all-pairs repulsion computed at once: bounds memory to ``_BLOCK * n`` floats.
_BLOCK = 512
#: Smallest squared distance used in repulsion, so two nodes on the same spot cannot explode.
_MIN_D2 = 1e-6
#: Above this many nodes repulsion is computed on a mesh (:func:`_repulsion_mesh`), below exactly.
EXACT_MAX_NODES = 800
_MESH_MIN, _MESH_MAX = 128, 512


def _pairs(G: nx.Graph, index: dict[Hashable, int]) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp],
                                                              FloatArray]:
    """Undirected actor pairs with a spring strength of 1 + ln(total count of their relations).

    Logarithmic so that a pair reported a hundred times pulls harder than a single mention without
    collapsing onto one point; self-loops are dropped (they exert no force).
    """
    totals: dict[tuple[int, int], float] = {}
    for u, v, d in G.edges(data=True):
        i, j = index[u], index[v]
        if i == j:
            continue
        pair = (i, j) if i < j else (j, i)
        c = d.get("count", d.get("weight", 1))
        c = float(c) if isinstance(c, int | float) and not isinstance(c, bool) and math.isfinite(c) else 1.0
        totals[pair] = totals.get(pair, 0.0) + max(c, 1.0)
    if not totals:
        empty = np.zeros(0, dtype=np.intp)
        return empty, empty, np.zeros(0)
    keys = sorted(totals)
    src = np.fromiter((k[0] for k in keys), dtype=np.intp, count=len(keys))
    dst = np.fromiter((k[1] for k in keys), dtype=np.intp, count=len(keys))
    weight = 1.0 + np.log(np.fromiter((totals[k] for k in keys), dtype=np.float64, count=len(keys)))
    return src, dst, weight


def _repulsion(pos: FloatArray, mass: FloatArray) -> FloatArray:
    """sum_j m_i m_j (p_i - p_j) / |p_i - p_j|^2 for every i (the 1/d repulsion of FA2 and FR)."""
    n = len(pos)
    out = np.empty_like(pos)
    # sum_j m_j (p_i - p_j) / d2 = p_i * sum_j (m_j / d2) - sum_j (m_j p_j / d2): one matrix product
    weighted = np.column_stack((mass, mass * pos[:, 0], mass * pos[:, 1]))
    for start in range(0, n, _BLOCK):
        stop = min(start + _BLOCK, n)
        dx = pos[start:stop, 0, None] - pos[None, :, 0]
        dy = pos[start:stop, 1, None] - pos[None, :, 1]
        d2 = dx * dx
        d2 += dy * dy
        np.maximum(d2, _MIN_D2, out=d2)
        inv = np.reciprocal(d2, out=d2)
        rows = np.arange(stop - start)
        inv[rows, rows + start] = 0.0  # no self-repulsion
        sums = inv @ weighted
        out[start:stop, 0] = pos[start:stop, 0] * sums[:, 0] - sums[:, 1]
        out[start:stop, 1] = pos[start:stop, 1] * sums[:, 0] - sums[:, 2]
    out *= mass[:, None]
    return out


@functools.lru_cache(maxsize=4)
def _mesh_kernel(grid: int) -> tuple[npt.NDArray[np.complex128], npt.NDArray[np.complex128]]:
    """The Fourier transform of r / |r|^2 (x and y parts) on a zero-padded 2*grid mesh, in cell units."""
    offsets = np.fft.fftfreq(2 * grid, 1.0 / (2 * grid))  # 0, 1, .., grid-1, -grid, .., -1
    a, b = np.meshgrid(offsets, offsets, indexing="ij")
    d2 = a * a + b * b
    d2[0, 0] = 1.0
    kx, ky = a / d2, b / d2
    kx[0, 0] = ky[0, 0] = 0.0
    return np.fft.rfft2(kx), np.fft.rfft2(ky)


def _repulsion_mesh(pos: FloatArray, mass: FloatArray) -> FloatArray:
    """:func:`_repulsion` approximated on a mesh (particle-mesh with FFT): O(n + g^2 log g).

    Masses are spread on a grid by cloud-in-cell weights, convolved with the 1/r kernel by FFT
    and the field read back with the same weights (so a node exerts no force on itself). Exact
    beyond a couple of cells; closer pairs are smoothed, which only softens the anti-overlap push.
    """
    n = len(pos)
    grid = int(min(_MESH_MAX, max(_MESH_MIN, 2 ** math.ceil(math.log2(4.0 * math.sqrt(n))))))
    low = pos.min(axis=0)
    cell = max(float((pos.max(axis=0) - low).max()), 1e-9) / (grid - 1.001)
    g = (pos - low) / cell
    corner = np.clip(np.floor(g).astype(np.intp), 0, grid - 2)
    frac = g - corner
    weights = ((1 - frac[:, 0]) * (1 - frac[:, 1]), frac[:, 0] * (1 - frac[:, 1]),
               (1 - frac[:, 0]) * frac[:, 1], frac[:, 0] * frac[:, 1])
    flat = corner[:, 0] * grid + corner[:, 1]
    cells = (flat, flat + grid, flat + 1, flat + grid + 1)
    density = np.zeros((2 * grid, 2 * grid))
    deposit = np.zeros(grid * grid)
    for c, w in zip(cells, weights, strict=True):
        deposit += np.bincount(c, weights=mass * w, minlength=grid * grid)
    density[:grid, :grid] = deposit.reshape(grid, grid)
    spectrum = np.fft.rfft2(density)
    kx, ky = _mesh_kernel(grid)
    out = np.empty_like(pos)
    for axis, kernel in ((0, kx), (1, ky)):
        field = np.fft.irfft2(spectrum * kernel, s=density.shape)[:grid, :grid].ravel()
        out[:, axis] = sum(field[c] * w for c, w in zip(cells, weights, strict=True))
    out *= (mass / cell)[:, None]
    return out


def _attraction(pos: FloatArray, src: npt.NDArray[np.intp], dst: npt.NDArray[np.intp],
                weight: FloatArray, strength: FloatArray | None = None) -> FloatArray:
    """-w (p_i - p_j) on both ends of every pair, times an optional per-pair ``strength``."""
    n = len(pos)
    delta = pos[src] - pos[dst]
    coef = weight if strength is None else weight * strength
    force = np.empty_like(pos)
    for axis in (0, 1):
        f = coef * delta[:, axis]
        force[:, axis] = np.bincount(dst, weights=f, minlength=n) - np.bincount(src, weights=f, minlength=n)
    return force


def _forceatlas2(pos: FloatArray, src: npt.NDArray[np.intp], dst: npt.NDArray[np.intp], weight: FloatArray,
                 iterations: int, *, gravity: float = 1.0, jitter_tolerance: float = 1.0) -> FloatArray:
    """ForceAtlas2 (Gephi's ``ForceAtlas2.java``): forces, then adaptive speed, ``iterations`` times."""
    n = len(pos)
    repulsion = _repulsion if n <= EXACT_MAX_NODES else _repulsion_mesh
    degree = np.bincount(src, minlength=n) + np.bincount(dst, minlength=n)
    mass = degree.astype(np.float64) + 1.0
    scaling = 2.0 if n >= 100 else 10.0  # Gephi's defaults
    speed, speed_efficiency = 1.0, 1.0
    old_force = np.zeros_like(pos)
    for _ in range(iterations):
        centred = pos - pos.mean(axis=0)
        force = scaling * repulsion(pos, mass) + _attraction(pos, src, dst, weight)
        force -= gravity * mass[:, None] * centred  # strong gravity: keeps small components in view
        swinging = mass * np.hypot(*(old_force - force).T)
        traction = mass * 0.5 * np.hypot(*(old_force + force).T)
        total_swinging, total_traction = float(swinging.sum()), float(traction.sum())
        # Adaptive global speed, as in Gephi: fast while the layout converges, slower when it oscillates.
        estimated_jt = 0.05 * math.sqrt(n)
        jt = jitter_tolerance * max(math.sqrt(estimated_jt),
                                    min(10.0, estimated_jt * total_traction / (n * n)))
        if total_traction > 0 and total_swinging / total_traction > 2.0:
            speed_efficiency = max(speed_efficiency * 0.5, 0.05)
            jt = max(jt, jitter_tolerance)
        target = jt * speed_efficiency * total_traction / total_swinging if total_swinging > 0 else speed
        if total_swinging > jt * total_traction:
            speed_efficiency = max(speed_efficiency * 0.7, 0.05)
        elif speed < 1000:
            speed_efficiency *= 1.3
        speed += min(target - speed, 0.5 * speed)
        # Per-node speed: a node that swings a lot moves less.
        factor = speed / (1.0 + np.sqrt(speed * swinging))
        pos = pos + force * factor[:, None]
        old_force = force
    return pos


def _spring(pos: FloatArray, src: npt.NDArray[np.intp], dst: npt.NDArray[np.intp], weight: FloatArray,
            iterations: int, *, gravity: float = 0.05) -> FloatArray:
    """Fruchterman-Reingold with networkx's constants (unit square, k = 1/sqrt(n), linear cooling)."""
    n = len(pos)
    repulsion = _repulsion if n <= EXACT_MAX_NODES else _repulsion_mesh
    k = 1.0 / math.sqrt(n)
    pos = (pos - pos.min(axis=0)) / max(float(np.ptp(pos)), 1e-9)  # into the unit square
    temperature = 0.1
    cooling = temperature / (iterations + 1)
    ones = np.ones(n)
    for _ in range(iterations):
        distance = np.hypot(*(pos[src] - pos[dst]).T)
        force = k * k * repulsion(pos, ones) + _attraction(pos, src, dst, weight, distance / k)
        force -= gravity * (pos - pos.mean(axis=0)) / k
        length = np.maximum(np.hypot(*force.T), 1e-9)
        pos = pos + force * (np.minimum(length, temperature) / length)[:, None]
        temperature -= cooling
    return pos


def _rescale(pos: FloatArray, scale: float) -> FloatArray:
    """Centre on the bounding box and stretch so the farthest coordinate is exactly ``scale``."""
    pos = pos - (pos.max(axis=0) + pos.min(axis=0)) / 2.0
    extent = float(np.abs(pos).max())
    return pos * (scale / extent) if extent > 0 else pos


def compute_layout(G: nx.Graph, *, seed: int = 42, method: Method = "forceatlas2",
                   iterations: int | None = None, scale: float = 1000.0) -> dict[Any, tuple[float, float]]:
    """Positions for every node of ``G``: node -> (x, y) within ``-scale..scale``, rounded to 0.01.

    Deterministic for a given graph, ``seed``, ``method`` and ``iterations``. Any networkx graph
    works; edges' ``count`` (else ``weight``) sets how strongly two actors pull together.
    """
    if method not in DEFAULT_ITERATIONS:
        raise ValueError(f"unknown layout method {method!r}; expected one of {sorted(DEFAULT_ITERATIONS)}")
    nodes = sorted(G.nodes, key=str)
    if len(nodes) <= 1:
        return {n: (0.0, 0.0) for n in nodes}
    steps = DEFAULT_ITERATIONS[method] if iterations is None else iterations
    if steps < 0:
        raise ValueError("iterations must be >= 0")
    index: dict[Hashable, int] = {n: i for i, n in enumerate(nodes)}
    src, dst, weight = _pairs(G, index)
    rng = np.random.default_rng(seed)
    start = rng.uniform(-1.0, 1.0, size=(len(nodes), 2)) * 10.0 * math.sqrt(len(nodes))
    if method == "forceatlas2":
        pos = _forceatlas2(start, src, dst, weight, steps)
    else:
        pos = _spring(start, src, dst, weight, steps)
    if not np.isfinite(pos).all():  # cannot happen with the distance floor; never write NaN anyway
        pos = np.nan_to_num(pos, nan=0.0, posinf=0.0, neginf=0.0)
    pos = _rescale(pos, scale)
    # + 0.0 turns -0.0 into 0.0, so the files never show "-0.0"
    return {n: (round(float(x), 2) + 0.0, round(float(y), 2) + 0.0)
            for n, (x, y) in zip(nodes, pos, strict=True)}
