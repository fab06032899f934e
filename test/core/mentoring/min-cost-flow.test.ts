// The assignment solver alone, on raw score tables: literal cases, and random tables against enumeration.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxScoreAssignment, type AssignmentProblem } from '../../../src/core/mentoring/min-cost-flow.ts';
import { seededRandom } from '../../support/seeded-random.ts';

/** scores[e][t] > 0 is an edge from mentee e to mentor t; 0 is none. */
function problem(scores: number[][], capacity: number[]): AssignmentProblem {
  const edgeStart = [0];
  const edgeMentor: number[] = [];
  const edgeScore: number[] = [];
  for (const row of scores) {
    row.forEach((score, t) => {
      if (score <= 0) return;
      edgeMentor.push(t);
      edgeScore.push(score);
    });
    edgeStart.push(edgeMentor.length);
  }
  return {
    menteeCount: scores.length,
    mentorCapacity: Int32Array.from(capacity),
    edgeStart: Int32Array.from(edgeStart),
    edgeMentor: Int32Array.from(edgeMentor),
    edgeScore: Float64Array.from(edgeScore),
  };
}

/** The mentor each mentee got (−1 for none). */
function mentorsOf(p: AssignmentProblem): number[] {
  return Array.from(maxScoreAssignment(p).edgeOf, (k) => (k < 0 ? -1 : p.edgeMentor[k]!));
}

function bruteForce(scores: number[][], capacity: number[]): number {
  const room = [...capacity];
  const best = (e: number): number => {
    if (e === scores.length) return 0;
    let top = best(e + 1);
    scores[e]!.forEach((score, t) => {
      if (score <= 0 || room[t]! <= 0) return;
      room[t]!--;
      top = Math.max(top, score + best(e + 1));
      room[t]!++;
    });
    return top;
  };
  return best(0);
}

describe('maxScoreAssignment', () => {
  it('takes the best edge when nothing competes', () => {
    expect(mentorsOf(problem([[3, 5, 4]], [1, 1, 1]))).toEqual([1]);
  });

  it('moves an earlier mentee to make room when that scores more', () => {
    // Mentee 0 enters first and takes mentor 0 (5); mentee 1 only fits mentor 0 (9), so mentee 0 moves to mentor 1 (4).
    const p = problem([[5, 4], [9, 0]], [1, 1]);
    expect(mentorsOf(p)).toEqual([1, 0]);
    expect(maxScoreAssignment(p).totalScore).toBe(13);
  });

  it('drops an earlier mentee to unmatched when that scores more', () => {
    const p = problem([[5], [9]], [1]);
    expect(mentorsOf(p)).toEqual([-1, 0]);
    expect(maxScoreAssignment(p).totalScore).toBe(9);
  });

  it('fills a mentor up to capacity and no further', () => {
    expect(mentorsOf(problem([[1], [2], [3]], [2]))).toEqual([-1, 0, 0]);
  });

  it('leaves alone mentees without edges and mentors without capacity', () => {
    expect(mentorsOf(problem([[0, 0], [7, 3]], [0, 1]))).toEqual([-1, 1]);
  });

  it('reaches the enumerated optimum on random score tables', () => {
    const tableArb = fc.integer({ min: 1, max: 4 }).chain((mentors) =>
      fc.tuple(
        fc.array(fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 12 })), { minLength: mentors, maxLength: mentors }), { maxLength: 6 }),
        fc.array(fc.integer({ min: 0, max: 2 }), { minLength: mentors, maxLength: mentors }),
      ),
    );
    fc.assert(
      fc.property(tableArb, ([scores, capacity]) => {
        const p = problem(scores, capacity);
        const result = maxScoreAssignment(p);
        expect(result.totalScore).toBe(bruteForce(scores, capacity));
        const load = new Array<number>(capacity.length).fill(0);
        for (const t of mentorsOf(p)) if (t >= 0) load[t]!++;
        load.forEach((l, t) => expect(l).toBeLessThanOrEqual(capacity[t]!));
      }),
      { numRuns: 500, seed: 42 },
    );
  });
});

/**
 * The best total score by the Hungarian method (shortest augmenting paths with potentials, O(rows² · columns))
 * on the dense cost matrix: one column per seat of each mentor (a capacity of 3 is three seats), then
 * "stays unmatched" columns at cost 0 until every mentee has one. A seat without an edge costs 0, the same as unmatched.
 * Written apart from the solver: nothing is shared but the problem's arrays.
 */
function hungarianOptimum(p: AssignmentProblem): number {
  const rows = p.menteeCount;
  const seatMentor: number[] = [];
  p.mentorCapacity.forEach((capacity, t) => {
    for (let c = 0; c < capacity; c++) seatMentor.push(t);
  });
  const columns = Math.max(seatMentor.length, rows);
  const cost: Float64Array[] = [];
  for (let e = 0; e < rows; e++) {
    const scoreTo = new Map<number, number>();
    for (let k = p.edgeStart[e]!; k < p.edgeStart[e + 1]!; k++) scoreTo.set(p.edgeMentor[k]!, p.edgeScore[k]!);
    const row = new Float64Array(columns);
    seatMentor.forEach((t, j) => (row[j] = -(scoreTo.get(t) ?? 0)));
    cost.push(row);
  }
  // 1-based: u row potentials, v column potentials, match[j] the row in column j (0 = free).
  const u = new Float64Array(rows + 1);
  const v = new Float64Array(columns + 1);
  const match = new Int32Array(columns + 1);
  const way = new Int32Array(columns + 1);
  for (let i = 1; i <= rows; i++) {
    match[0] = i;
    let j0 = 0;
    const minv = new Float64Array(columns + 1).fill(Infinity);
    const used = new Uint8Array(columns + 1);
    do {
      used[j0] = 1;
      const i0 = match[j0]!;
      let delta = Infinity;
      let j1 = 0;
      for (let j = 1; j <= columns; j++) {
        if (used[j]) continue;
        const reduced = cost[i0 - 1]![j - 1]! - u[i0]! - v[j]!;
        if (reduced < minv[j]!) {
          minv[j] = reduced;
          way[j] = j0;
        }
        if (minv[j]! < delta) {
          delta = minv[j]!;
          j1 = j;
        }
      }
      for (let j = 0; j <= columns; j++) {
        if (used[j]) {
          u[match[j]!]! += delta;
          v[j]! -= delta;
        } else {
          minv[j]! -= delta;
        }
      }
      j0 = j1;
    } while (match[j0] !== 0);
    do {
      const j1 = way[j0]!;
      match[j0] = match[j1]!;
      j0 = j1;
    } while (j0 !== 0);
  }
  let total = 0;
  for (let j = 1; j <= columns; j++) if (match[j]! > 0) total -= cost[match[j]! - 1]![j - 1]!;
  return total;
}

/**
 * A practice-sized instance: 50–350 mentees, about a third as many mentors taking 1–3 mentees each,
 * every mentee scoring with a handful of mentors. Scores are small integers, so many paths tie, as real ones do.
 */
function practiceInstance(random: () => number): AssignmentProblem {
  const mentees = 50 + Math.floor(random() * 301);
  const mentors = Math.max(5, Math.floor(mentees / (2 + random() * 3)));
  const capacity = Array.from({ length: mentors }, () => 1 + Math.floor(random() * 3));
  const scores = Array.from({ length: mentees }, () => {
    const row = new Array<number>(mentors).fill(0);
    const edges = 1 + Math.floor(random() * 8);
    for (let k = 0; k < edges; k++) row[Math.floor(random() * mentors)] = 1 + Math.floor(random() * 12);
    return row;
  });
  return problem(scores, capacity);
}

describe('maxScoreAssignment at practice sizes', () => {
  it('reaches the optimum the Hungarian method finds on 20 random instances of 50–350 mentees', () => {
    // Seeded, so every run checks the same instances.
    const random = seededRandom(20261203);
    for (let n = 0; n < 20; n++) {
      const p = practiceInstance(random);
      const result = maxScoreAssignment(p);
      const load = new Int32Array(p.mentorCapacity.length);
      let total = 0;
      result.edgeOf.forEach((k, e) => {
        if (k < 0) return;
        expect(k).toBeGreaterThanOrEqual(p.edgeStart[e]!);
        expect(k).toBeLessThan(p.edgeStart[e + 1]!);
        load[p.edgeMentor[k]!]!++;
        total += p.edgeScore[k]!;
      });
      load.forEach((l, t) => expect(l).toBeLessThanOrEqual(p.mentorCapacity[t]!));
      expect(total).toBe(result.totalScore);
      expect({ instance: n, mentees: p.menteeCount, total: result.totalScore }).toStrictEqual({
        instance: n,
        mentees: p.menteeCount,
        total: hungarianOptimum(p),
      });
    }
  });
});
