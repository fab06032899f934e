// Min-cost flow by successive shortest paths: Dijkstra on reduced costs (Johnson potentials), many equal-cost paths per round.

/**
 * A flow network under construction. Contract: nodes are numbered in a topological order of the
 * initial graph (every edge goes from a lower to a higher node), so the first potentials come from
 * one pass in node order, even with negative costs. Costs and capacities are integers.
 */
export interface FlowNetwork {
  readonly nodeCount: number;
  /** Adds an edge and returns its index (0, 1, 2, … in the order added). */
  addEdge(from: number, to: number, capacity: number, cost: number): number;
  readonly edgeCount: number;
}

export interface FlowOptions {
  /**
   * Stop as soon as the cheapest augmenting path no longer has a negative cost: the result is the
   * cheapest flow of any value (for costs = −score, the highest total score), not the largest flow.
   */
  stopWhenCostNonNegative: boolean;
}

export interface FlowResult {
  flow: number;
  cost: number;
  /** Rounds of Dijkstra run (each followed by augmenting every shortest path it can find). */
  rounds: number;
  /** The flow on the edge returned by `addEdge`. */
  edgeFlow(edge: number): number;
}

export function createFlowNetwork(nodeCount: number): FlowNetwork & { solve(source: number, sink: number, options: FlowOptions): FlowResult } {
  const from: number[] = [];
  const to: number[] = [];
  const capacity: number[] = [];
  const cost: number[] = [];
  return {
    nodeCount,
    get edgeCount() {
      return from.length;
    },
    addEdge(u, v, cap, c) {
      if (!(u >= 0 && u < v && v < nodeCount)) throw new RangeError(`edge ${u}→${v} breaks the topological numbering of ${nodeCount} nodes`);
      from.push(u);
      to.push(v);
      capacity.push(cap);
      cost.push(c);
      return from.length - 1;
    },
    solve(source, sink, options) {
      return solveFlow(buildResidual(nodeCount, from, to, capacity, cost), source, sink, options);
    },
  };
}

/** The residual graph in compressed rows: arc 2e is edge e, arc 2e+1 its reverse. */
interface Residual {
  n: number;
  arcTo: Int32Array;
  arcCap: Int32Array;
  arcCost: Float64Array;
  /** Arcs leaving node u are adjArcs[adjStart[u] .. adjStart[u+1]). */
  adjStart: Int32Array;
  adjArcs: Int32Array;
}

function buildResidual(n: number, from: number[], to: number[], capacity: number[], cost: number[]): Residual {
  const m = from.length;
  const arcTo = new Int32Array(2 * m);
  const arcCap = new Int32Array(2 * m);
  const arcCost = new Float64Array(2 * m);
  const adjStart = new Int32Array(n + 1);
  for (let e = 0; e < m; e++) {
    const u = from[e]!;
    const v = to[e]!;
    arcTo[2 * e] = v;
    arcTo[2 * e + 1] = u;
    arcCap[2 * e] = capacity[e]!;
    arcCost[2 * e] = cost[e]!;
    arcCost[2 * e + 1] = -cost[e]!;
    adjStart[u + 1]!++;
    adjStart[v + 1]!++;
  }
  for (let u = 0; u < n; u++) adjStart[u + 1]! += adjStart[u]!;
  const fill = adjStart.slice(0, n);
  const adjArcs = new Int32Array(2 * m);
  for (let e = 0; e < m; e++) {
    adjArcs[fill[from[e]!]!++] = 2 * e;
    adjArcs[fill[to[e]!]!++] = 2 * e + 1;
  }
  return { n, arcTo, arcCap, arcCost, adjStart, adjArcs };
}

/** Shortest distances from the source over the initial graph, in one pass thanks to the topological numbering. */
function initialPotentials(g: Residual, source: number): Float64Array {
  const dist = new Float64Array(g.n).fill(Infinity);
  dist[source] = 0;
  for (let u = 0; u < g.n; u++) {
    const du = dist[u]!;
    if (du === Infinity) continue;
    for (let i = g.adjStart[u]!; i < g.adjStart[u + 1]!; i++) {
      const a = g.adjArcs[i]!;
      if (g.arcCap[a]! <= 0) continue;
      const v = g.arcTo[a]!;
      const nd = du + g.arcCost[a]!;
      if (nd < dist[v]!) dist[v] = nd;
    }
  }
  // Unreachable nodes stay unreachable (new arcs only reverse arcs that carried flow), so their potential never matters.
  for (let u = 0; u < g.n; u++) if (dist[u] === Infinity) dist[u] = 0;
  return dist;
}

function solveFlow(g: Residual, source: number, sink: number, options: FlowOptions): FlowResult {
  const pot = initialPotentials(g, source);
  const dijkstra = createDijkstra(g);
  const augment = createAugmenter(g);
  let flow = 0;
  let cost = 0;
  let rounds = 0;
  for (;;) {
    const dist = dijkstra(source, sink, pot);
    const reduced = dist[sink]!;
    if (reduced === Infinity) break;
    const pathCost = reduced + pot[sink]! - pot[source]!;
    if (options.stopWhenCostNonNegative && pathCost >= 0) break;
    rounds++;
    // Nodes not settled before the sink are at least as far as it: capping at `reduced` keeps every reduced cost ≥ 0.
    for (let u = 0; u < g.n; u++) pot[u]! += Math.min(dist[u]!, reduced);
    const pushed = augment(source, sink, pot);
    flow += pushed;
    cost += pushed * pathCost;
  }
  return { flow, cost, rounds, edgeFlow: (edge) => g.arcCap[2 * edge + 1]! };
}

/** Dijkstra on reduced costs with an indexed binary heap; stops once the sink is settled. Ties go to the lower node. */
function createDijkstra(g: Residual): (source: number, sink: number, pot: Float64Array) => Float64Array {
  const dist = new Float64Array(g.n);
  const heap = new Int32Array(g.n);
  const pos = new Int32Array(g.n);
  let size = 0;

  const less = (a: number, b: number): boolean => dist[a]! < dist[b]! || (dist[a] === dist[b] && a < b);
  const swap = (i: number, j: number): void => {
    const a = heap[i]!;
    const b = heap[j]!;
    heap[i] = b;
    heap[j] = a;
    pos[b] = i;
    pos[a] = j;
  };
  const up = (i: number): void => {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(heap[i]!, heap[parent]!)) return;
      swap(i, parent);
      i = parent;
    }
  };
  const down = (i: number): void => {
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) return;
      const r = l + 1;
      const c = r < size && less(heap[r]!, heap[l]!) ? r : l;
      if (!less(heap[c]!, heap[i]!)) return;
      swap(i, c);
      i = c;
    }
  };

  return (source, sink, pot) => {
    dist.fill(Infinity);
    pos.fill(-1);
    size = 0;
    dist[source] = 0;
    heap[size] = source;
    pos[source] = size++;
    while (size > 0) {
      const u = heap[0]!;
      pos[u] = -2;
      size--;
      if (size > 0) {
        heap[0] = heap[size]!;
        pos[heap[0]!] = 0;
        down(0);
      }
      if (u === sink) break;
      const base = dist[u]! + pot[u]!;
      for (let i = g.adjStart[u]!, end = g.adjStart[u + 1]!; i < end; i++) {
        const a = g.adjArcs[i]!;
        if (g.arcCap[a]! <= 0) continue;
        const v = g.arcTo[a]!;
        if (pos[v] === -2) continue;
        const nd = base + g.arcCost[a]! - pot[v]!;
        if (nd < dist[v]!) {
          dist[v] = nd;
          if (pos[v] === -1) {
            heap[size] = v;
            pos[v] = size++;
          }
          up(pos[v]!);
        }
      }
    }
    return dist;
  };
}

/**
 * Pushes flow along as many source→sink paths of zero reduced cost as a depth-first search with
 * current-arc pointers finds. Every such path is a cheapest one, so augmenting them all is the
 * same as augmenting them one Dijkstra at a time; any it misses are found in the next round.
 */
function createAugmenter(g: Residual): (source: number, sink: number, pot: Float64Array) => number {
  const current = new Int32Array(g.n);
  const dead = new Uint8Array(g.n);
  const onPath = new Uint8Array(g.n);
  const pathNodes = new Int32Array(g.n + 1);
  const pathArcs = new Int32Array(g.n);

  return (source, sink, pot) => {
    current.set(g.adjStart.subarray(0, g.n));
    dead.fill(0);
    let pushed = 0;
    for (;;) {
      let depth = 0;
      pathNodes[0] = source;
      onPath[source] = 1;
      while (depth >= 0 && pathNodes[depth] !== sink) {
        const u = pathNodes[depth]!;
        let next = -1;
        for (const end = g.adjStart[u + 1]!; current[u]! < end; current[u]!++) {
          const a = g.adjArcs[current[u]!]!;
          const v = g.arcTo[a]!;
          if (g.arcCap[a]! > 0 && !dead[v] && !onPath[v] && g.arcCost[a]! + pot[u]! - pot[v]! === 0) {
            next = a;
            break;
          }
        }
        if (next >= 0) {
          pathArcs[depth] = next;
          const v = g.arcTo[next]!;
          pathNodes[++depth] = v;
          onPath[v] = 1;
        } else {
          dead[u] = 1;
          onPath[u] = 0;
          depth--;
          if (depth >= 0) current[pathNodes[depth]!]!++;
        }
      }
      if (depth < 0) return pushed;
      let bottleneck = Infinity;
      for (let i = 0; i < depth; i++) bottleneck = Math.min(bottleneck, g.arcCap[pathArcs[i]!]!);
      for (let i = 0; i < depth; i++) {
        const a = pathArcs[i]!;
        g.arcCap[a]! -= bottleneck;
        g.arcCap[a ^ 1]! += bottleneck;
      }
      for (let i = 0; i <= depth; i++) onPath[pathNodes[i]!] = 0;
      pushed += bottleneck;
    }
  };
}
