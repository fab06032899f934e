// Min-cost flow on the matching network by successive shortest paths: Dijkstra on reduced costs (Johnson potentials), one mentee at a time.

/**
 * The network source → mentee (cap 1) → mentor (cap 1, cost −score) → sink (cap = capacity), plus
 * an arc mentee → sink of cost 0 meaning "stays unmatched". Edges are listed by mentee in compressed
 * rows: mentee e's edges are edgeStart[e] .. edgeStart[e+1]). Scores are positive integers.
 */
export interface AssignmentProblem {
  menteeCount: number;
  mentorCapacity: Int32Array;
  edgeStart: Int32Array;
  edgeMentor: Int32Array;
  edgeScore: Float64Array;
}

export interface Assignment {
  /** For each mentee, the index of its chosen edge, or −1. */
  edgeOf: Int32Array;
  totalScore: number;
  /** Nodes settled by Dijkstra over all searches: a measure of the work done. */
  settled: number;
}

/**
 * The assignment with the highest total score.
 *
 * Mentees enter one at a time, in index order. Each entry sends one unit of flow along a cheapest
 * path from that mentee to the sink in the residual graph: the path may move other mentees to other
 * mentors, or to "unmatched". The zero-cost unmatched arc is the stopping rule: a path through a
 * mentor is taken only while it is cheaper (scores more) than staying unmatched. After each entry the
 * flow is the cheapest one covering the mentees entered so far (the Hungarian method's invariant),
 * so after the last it is optimal.
 *
 * Potentials keep every reduced cost ≥ 0, so each search is a Dijkstra that stops when the sink is
 * settled and touches only what it explored. Arcs out of the sink are left out: no simple path to
 * the sink uses them.
 *
 * Why one mentee at a time rather than from a common source: integer scores leave long runs of
 * equal path costs, and a search from the source explored nearly the whole graph for each of them
 * (about 110 full passes, 4 s, at 2,000 mentees × 800 mentors). Searches from one mentee stay local.
 */
export function maxScoreAssignment(problem: AssignmentProblem): Assignment {
  return new AssignmentSearch(problem).run();
}

// A class rather than closures: its methods are shared by every run, so the JIT's inlining
// survives from one run to the next instead of deoptimising on each new closure.
class AssignmentSearch {
  private readonly m: number;
  /** Node numbering: mentees 0..m-1, mentors m..m+n-1, then the sink. */
  private readonly sink: number;
  private readonly pot: Float64Array;
  private readonly edgeOf: Int32Array;
  /** Mentor t's mentees are slots[slotStart[t] .. slotStart[t] + load[t]). */
  private readonly slotStart: Int32Array;
  private readonly slots: Int32Array;
  private readonly load: Int32Array;
  // Dijkstra state, reset after each search for the nodes it touched only.
  private readonly dist: Float64Array;
  private readonly prev: Int32Array;
  /** For a mentor, the edge its predecessor mentee used to reach it. */
  private readonly prevEdge: Int32Array;
  /** Heap position; -1 never queued, -2 settled. */
  private readonly pos: Int32Array;
  private readonly heap: Int32Array;
  private size = 0;
  private readonly touched: number[] = [];
  private readonly settled: number[] = [];

  private readonly p: AssignmentProblem;

  constructor(p: AssignmentProblem) {
    this.p = p;
    const n = p.mentorCapacity.length;
    this.m = p.menteeCount;
    this.sink = this.m + n;
    const nodes = this.m + n + 1;
    this.pot = new Float64Array(nodes);
    this.edgeOf = new Int32Array(this.m).fill(-1);
    this.slotStart = new Int32Array(n + 1);
    for (let t = 0; t < n; t++) this.slotStart[t + 1] = this.slotStart[t]! + Math.max(0, p.mentorCapacity[t]!);
    this.slots = new Int32Array(this.slotStart[n]!);
    this.load = new Int32Array(n);
    this.dist = new Float64Array(nodes).fill(Infinity);
    this.prev = new Int32Array(nodes).fill(-1);
    this.prevEdge = new Int32Array(nodes).fill(-1);
    this.pos = new Int32Array(nodes).fill(-1);
    this.heap = new Int32Array(nodes);
  }

  run(): Assignment {
    const { p, m, sink, pot, dist, edgeOf } = this;
    let settledTotal = 0;
    for (let i = 0; i < m; i++) {
      if (p.edgeStart[i] === p.edgeStart[i + 1]) continue;
      // The entering mentee's potential makes its arcs' reduced costs ≥ 0 (the sink's potential stays 0).
      let entry = 0;
      for (let k = p.edgeStart[i]!; k < p.edgeStart[i + 1]!; k++) entry = Math.max(entry, pot[m + p.edgeMentor[k]!]! + p.edgeScore[k]!);
      pot[i] = entry;

      this.improve(i, 0, -1, -1);
      this.improve(sink, entry - pot[sink]!, i, -1);
      for (let u = this.pop(); u !== sink; u = this.pop()) this.expand(u);

      const reach = dist[sink]!;
      // Settled nodes move by dist − reach ≤ 0 and the rest keep theirs, which keeps every reduced cost ≥ 0.
      for (const v of this.settled) pot[v]! += dist[v]! - reach;
      settledTotal += this.settled.length;

      // Along the path each mentee moves to the node after it: a mentor (by the edge used) or unmatched.
      // Walking back from the sink, each mentee leaves its mentor before the one behind it arrives there.
      let next = sink;
      for (let v = this.prev[sink]!; v !== -1; next = v, v = this.prev[v]!) {
        if (v < m) this.move(v, next === sink ? -1 : this.prevEdge[next]!);
      }
      this.reset();
    }
    let totalScore = 0;
    for (let e = 0; e < m; e++) if (edgeOf[e]! >= 0) totalScore += p.edgeScore[edgeOf[e]!]!;
    return { edgeOf, totalScore, settled: settledTotal };
  }

  private expand(u: number): void {
    const { p, m, pot, edgeOf } = this;
    const du = this.dist[u]! + pot[u]!;
    if (u < m) {
      const own = edgeOf[u]!;
      for (let k = p.edgeStart[u]!, stop = p.edgeStart[u + 1]!; k < stop; k++) {
        if (k === own) continue;
        const t = m + p.edgeMentor[k]!;
        this.relax(t, du - p.edgeScore[k]! - pot[t]!, u, k);
      }
    } else {
      for (let s = this.slotStart[u - m]!, stop = s + this.load[u - m]!; s < stop; s++) {
        const j = this.slots[s]!;
        this.relax(j, du + p.edgeScore[edgeOf[j]!]! - pot[j]!, u, -1);
      }
    }
  }

  /**
   * Offers v the distance d. When v improves, its own arc to the sink (a mentor with room, or a
   * mentee dropping to unmatched) is offered at once, so the sink's bound tightens early; nodes no
   * closer than that bound are never queued, as the sink would be settled first.
   */
  private relax(v: number, d: number, from: number, edge: number): void {
    const { m, sink } = this;
    if (d >= this.dist[sink]! || !this.improve(v, d, from, edge)) return;
    const hasRoom = v < m || this.load[v - m]! < this.p.mentorCapacity[v - m]!;
    if (!hasRoom) return;
    const toSink = d + this.pot[v]! - this.pot[sink]!;
    if (toSink < this.dist[sink]!) this.improve(sink, toSink, v, -1);
  }

  private move(mentee: number, edge: number): void {
    const { p, slots, slotStart, load, edgeOf } = this;
    const old = edgeOf[mentee]!;
    if (old >= 0) {
      const t = p.edgeMentor[old]!;
      const last = slotStart[t]! + load[t]! - 1;
      for (let s = slotStart[t]!; s <= last; s++) {
        if (slots[s] !== mentee) continue;
        slots[s] = slots[last]!;
        break;
      }
      load[t]!--;
    }
    edgeOf[mentee] = edge;
    if (edge >= 0) {
      const t = p.edgeMentor[edge]!;
      slots[slotStart[t]! + load[t]!] = mentee;
      load[t]!++;
    }
  }

  // The heap: among equal distances the higher node goes first, so the sink (the highest) before
  // anything else, then mentors before mentees. On the many ties integer scores make, this ends a
  // search as soon as a cheapest path is known. The order is fixed, so equal inputs give equal paths.

  private before(a: number, b: number): boolean {
    const da = this.dist[a]!;
    const db = this.dist[b]!;
    return da < db || (da === db && a > b);
  }

  /** Lowers v's distance if d is better and v is not settled; says whether it did. */
  private improve(v: number, d: number, from: number, edge: number): boolean {
    const at = this.pos[v]!;
    if (at === -2 || d >= this.dist[v]!) return false;
    this.dist[v] = d;
    this.prev[v] = from;
    this.prevEdge[v] = edge;
    if (at === -1) {
      this.touched.push(v);
      this.heap[this.size] = v;
      this.up(this.size++);
    } else {
      this.up(at);
    }
    return true;
  }

  /** Settles and returns the nearest queued node. The caller stops at the sink, which is always queued. */
  private pop(): number {
    const { heap } = this;
    const u = heap[0]!;
    this.pos[u] = -2;
    this.settled.push(u);
    if (--this.size > 0) {
      heap[0] = heap[this.size]!;
      this.down(0);
    }
    return u;
  }

  private up(i: number): void {
    const { heap, pos } = this;
    const v = heap[i]!;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pv = heap[parent]!;
      if (!this.before(v, pv)) break;
      heap[i] = pv;
      pos[pv] = i;
      i = parent;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private down(i: number): void {
    const { heap, pos, size } = this;
    const v = heap[i]!;
    for (;;) {
      const l = 2 * i + 1;
      if (l >= size) break;
      const c = l + 1 < size && this.before(heap[l + 1]!, heap[l]!) ? l + 1 : l;
      const cv = heap[c]!;
      if (!this.before(cv, v)) break;
      heap[i] = cv;
      pos[cv] = i;
      i = c;
    }
    heap[i] = v;
    pos[v] = i;
  }

  private reset(): void {
    for (const v of this.touched) {
      this.dist[v] = Infinity;
      this.prev[v] = -1;
      this.prevEdge[v] = -1;
      this.pos[v] = -1;
    }
    this.touched.length = 0;
    this.settled.length = 0;
    this.size = 0;
  }
}
