// The assignment solver alone, on raw score tables: literal cases, and random tables against enumeration.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxScoreAssignment, type AssignmentProblem } from '../../../src/core/mentoring/min-cost-flow.ts';

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
