// Benchmark of the matching engine on seeded, realistic sparse instances: time to the optimum and how far greedy falls short.
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { greedyMatch, matchMentors, type MatchCandidate, type MatchInput, type RecentPair } from '../src/core/mentoring/matching.ts';
import { seededRandom } from '../test/support/seeded-random.ts';

export interface Row {
  name: string;
  [metric: string]: number | string;
}

const NOW = '2025-06-02T09:00:00.000Z';
const TOPICS = 60;
const TEAMS = ['front desk', 'billing', 'nursing', 'lab', 'imaging', 'pharmacy', 'scheduling', 'records', 'it', 'clinical', 'quality', 'hr'];
const GOAL_WORDS = (
  'leadership coding billing triage scheduling charting imaging phlebotomy insurance audits compliance spreadsheets ' +
  'presenting negotiation coaching pediatrics geriatrics telehealth referrals vaccines inventory budgeting hiring ' +
  'onboarding ultrasound radiology cardiology dermatology epic reporting analytics writing spanish empathy'
).split(' ');

/** Zipf-like: topic k is drawn with weight 1/(k+1)^0.9, so a few topics are everyone's and most are niche. */
function createTopicDraw(random: () => number): (count: number) => string[] {
  const weights = Array.from({ length: TOPICS }, (_, k) => 1 / (k + 1) ** 0.9);
  const total = weights.reduce((a, b) => a + b, 0);
  const one = (): number => {
    let r = random() * total;
    for (let k = 0; k < TOPICS; k++) {
      r -= weights[k]!;
      if (r <= 0) return k;
    }
    return TOPICS - 1;
  };
  return (count) => {
    const picked = new Set<number>();
    while (picked.size < count) picked.add(one());
    return [...picked].map((k) => `t${String(k).padStart(2, '0')}`);
  };
}

export function generateInstance(menteeCount: number, seed: number, mentorCount = 800): MatchInput {
  const random = seededRandom(seed);
  const int = (lo: number, hi: number): number => lo + Math.floor(random() * (hi - lo + 1));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const topics = createTopicDraw(random);
  const goals = (): string => Array.from({ length: int(2, 6) }, () => pick(GOAL_WORDS)).join(' ');
  const flags = () => ({ optedIn: true, active: true, snoozed: random() < 0.03, out: random() < 0.02 });

  const mentors: MatchCandidate[] = Array.from({ length: mentorCount }, (_, i) => {
    const teaches = topics(int(2, 6));
    return {
      id: `m${String(i).padStart(4, '0')}`,
      displayName: `Mentor ${i}`,
      team: TEAMS[i % TEAMS.length]!,
      title: 'staff',
      seniorityYears: int(2, 25),
      managerId: null,
      flags: flags(),
      capacity: int(1, 3),
      teaches,
      expertIn: teaches.filter(() => random() < 0.25),
      learns: topics(int(1, 4)),
      goals: goals(),
      wantsMentor: false,
    };
  });
  // The first mentor of each team manages it; every team manager reports to mentor 0.
  for (const m of mentors) {
    const index = Number(m.id.slice(1));
    m.managerId = index < TEAMS.length ? (index === 0 ? null : 'm0000') : `m${String(index % TEAMS.length).padStart(4, '0')}`;
  }
  const mentees: MatchCandidate[] = Array.from({ length: menteeCount }, (_, i) => {
    const team = int(0, TEAMS.length - 1);
    return {
      id: `e${String(i).padStart(5, '0')}`,
      displayName: `Mentee ${i}`,
      team: TEAMS[team]!,
      title: 'staff',
      seniorityYears: int(0, 20),
      managerId: `m${String(team).padStart(4, '0')}`,
      flags: flags(),
      capacity: 0,
      teaches: topics(int(2, 6)),
      learns: topics(int(1, 4)),
      goals: goals(),
      wantsMentor: true,
    };
  });
  const recentPairs: RecentPair[] = mentees
    .filter(() => random() < 0.05)
    .map((e) => ({ mentorId: pick(mentors).id, menteeId: e.id, endedOrDeclinedAt: random() < 0.5 ? '2025-03-01T00:00:00.000Z' : null }));
  const tasks = Array.from({ length: TOPICS }, (_, k) => ({ key: `t${String(k).padStart(2, '0')}`, name: `Task ${k}` }));
  return { candidates: [...mentors, ...mentees], recentPairs, now: NOW, tasks };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Runs `fn` once to warm up, then three times; the median wall time in ms and the last result. */
function timed<T>(fn: () => T): { ms: number; result: T } {
  let result = fn();
  const times: number[] = [];
  for (let run = 0; run < 3; run++) {
    const start = performance.now();
    result = fn();
    times.push(performance.now() - start);
  }
  return { ms: Number(median(times).toFixed(1)), result };
}

export async function benchMatching(): Promise<Row[]> {
  const rows: Row[] = [];
  for (const menteeCount of [100, 500, 2000]) {
    const input = generateInstance(menteeCount, 20250602 + menteeCount);
    const engine = timed(() => matchMentors(input));
    const greedy = timed(() => greedyMatch(input));
    rows.push({
      name: `matching ${menteeCount} mentees × 800 mentors`,
      ms: engine.ms,
      greedyMs: greedy.ms,
      engineScore: engine.result.totalScore,
      greedyScore: greedy.result.totalScore,
      ratio: Number((engine.result.totalScore / Math.max(1, greedy.result.totalScore)).toFixed(4)),
      pairs: engine.result.proposals.length,
      greedyPairs: greedy.result.proposals.length,
      reverse: engine.result.proposals.filter((p) => p.kind === 'reverse').length,
      edges: engine.result.stats.edges,
    });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.table(await benchMatching());
}
