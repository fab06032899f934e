// From the practice's records to the engine's input: room, availability, the weekly intro rule, topics already covered.
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  awayThisWeek,
  buildCandidates,
  candidateFor,
  matchOncePerPerson,
  recentPairsOf,
  type MatchData,
} from '../../../src/core/mentoring/candidates.ts';
import type { Member, MentoringProfile, Pair, PairStatus, TimeOff } from '../../../src/core/model.ts';
import { buildInput, buildMentee, buildMentor } from './builders.ts';
import { memberValue } from '../../support/builders.ts';

// A Wednesday at noon in Chicago.
const NOW = DateTime.fromISO('2025-06-04T17:00:00Z', { zone: 'utc' });

function member(id: string, overrides: Partial<Member> = {}): Member {
  return memberValue(id, { workspaceId: 'ws', ...overrides });
}

function profile(memberId: string, overrides: Partial<MentoringProfile> = {}): MentoringProfile {
  return { memberId, teaches: [], learns: [], goals: '', capacity: 0, cadence: 'biweekly', optedIn: true, ...overrides };
}

function pair(mentorId: string, menteeId: string, status: PairStatus, updatedAt = '2025-05-01T00:00:00.000Z'): Pair {
  return {
    id: `${mentorId}-${menteeId}-${status}`,
    workspaceId: 'ws',
    mentorId,
    menteeId,
    kind: 'mentoring',
    status,
    cadence: 'biweekly',
    focus: null,
    reason: null,
    mentorAccepted: true,
    menteeAccepted: true,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt,
  };
}

function off(memberId: string, startDate: string, endDate: string): TimeOff {
  return { id: `${memberId}-${startDate}`, workspaceId: 'ws', memberId, startDate, endDate, part: 'full', note: null };
}

function data(overrides: Partial<MatchData> = {}): MatchData {
  return {
    workspaceZone: 'America/Chicago',
    members: [],
    profiles: [],
    tasks: [
      { id: 't-coding', workspaceId: 'ws', key: 'coding', name: 'Coding' },
      { id: 't-pa', workspaceId: 'ws', key: 'prior-authorizations', name: 'Prior authorizations' },
    ],
    skills: [],
    pairs: [],
    timeOff: [],
    introducedThisWeek: new Set(),
    ...overrides,
  };
}

describe('room', () => {
  it('is capacity less live pairs as mentor, and at most one new mentee a run', () => {
    const ana = member('ana');
    const d = data({
      members: [ana],
      profiles: [profile('ana', { capacity: 4 })],
      pairs: [pair('ana', 'x', 'active'), pair('ana', 'y', 'paused'), pair('ana', 'z', 'completed'), pair('ana', 'w', 'declined'), pair('v', 'ana', 'active')],
    });
    expect(candidateFor(ana, d, NOW, false).capacity).toBe(2);
    expect(candidateFor(ana, d, NOW, true).capacity).toBe(1);
  });

  it('is 0 at capacity, at capacity 0, and without a profile', () => {
    const ana = member('ana');
    const full = data({ members: [ana], profiles: [profile('ana', { capacity: 1 })], pairs: [pair('ana', 'x', 'proposed')] });
    expect(candidateFor(ana, full, NOW, false).capacity).toBe(0);
    expect(candidateFor(ana, data({ profiles: [profile('ana', { capacity: 0 })] }), NOW, true).capacity).toBe(0);
    expect(candidateFor(ana, data(), NOW, false)).toMatchObject({ capacity: 0, teaches: [], wantsMentor: false, flags: { optedIn: false } });
  });
});

describe('eligibility', () => {
  it('reads opt-in from the profile and the member, and snoozes from the member', () => {
    const d = data({ profiles: [profile('a'), profile('b'), profile('c', { optedIn: false }), profile('d'), profile('e')] });
    expect(candidateFor(member('a'), d, NOW, true).flags).toEqual({ optedIn: true, active: true, snoozed: false, out: false });
    expect(candidateFor(member('b', { optedOut: true }), d, NOW, true).flags.optedIn).toBe(false);
    expect(candidateFor(member('c'), d, NOW, true).flags.optedIn).toBe(false);
    // `snoozedUntil` is the first day Rounds may write again: snoozed until tomorrow is snoozed today.
    expect(candidateFor(member('d', { snoozedUntil: '2025-06-05' }), d, NOW, true).flags.snoozed).toBe(true);
    expect(candidateFor(member('e', { snoozedUntil: '2025-06-04' }), d, NOW, true).flags.snoozed).toBe(false);
  });

  it('counts someone out who is off today or on 3 of the coming 7 days', () => {
    expect(awayThisWeek('a', '2025-06-04', [off('a', '2025-06-04', '2025-06-04')])).toBe(true);
    expect(awayThisWeek('a', '2025-06-04', [off('a', '2025-06-06', '2025-06-07')])).toBe(false);
    expect(awayThisWeek('a', '2025-06-04', [off('a', '2025-06-08', '2025-06-10')])).toBe(true);
    expect(awayThisWeek('a', '2025-06-04', [off('a', '2025-06-09', '2025-06-10'), off('a', '2025-06-05', '2025-06-05')])).toBe(true);
    expect(awayThisWeek('a', '2025-06-04', [off('a', '2025-06-11', '2025-06-20')])).toBe(false);
    expect(awayThisWeek('a', '2025-06-04', [off('b', '2025-06-04', '2025-06-20')])).toBe(false);
  });

  it("uses the member's own date: late evening in Chicago is already tomorrow in New York", () => {
    // 23:30 in Chicago on June 4 is 00:30 on June 5 in New York and 21:30 on June 4 in Los Angeles.
    const late = DateTime.fromISO('2025-06-05T04:30:00Z', { zone: 'utc' });
    const d = data({ profiles: [profile('a')], timeOff: [off('a', '2025-06-05', '2025-06-05')] });
    expect(candidateFor(member('a', { timeZone: 'America/New_York' }), d, late, true).flags.out).toBe(true);
    expect(candidateFor(member('a', { timeZone: 'America/Los_Angeles' }), d, late, true).flags.out).toBe(false);
  });
});

describe('topics', () => {
  it('teaches what the profile says and the tasks someone is expert in', () => {
    const d = data({ profiles: [profile('ana', { teaches: ['leadership'] })], skills: [{ memberId: 'ana', taskId: 't-coding', level: 'expert', ownJob: true }, { memberId: 'ana', taskId: 't-pa', level: 'trained', ownJob: false }] });
    expect(candidateFor(member('ana'), d, NOW, true)).toMatchObject({ teaches: ['leadership'], expertIn: ['coding'] });
  });

  it('does not look again for what a current mentor already teaches', () => {
    const d = data({
      profiles: [profile('ben', { learns: ['Prior authorizations', 'coding'] }), profile('priya', { teaches: ['prior-authorizations'] }), profile('old', { teaches: ['coding'] })],
      pairs: [pair('priya', 'ben', 'active'), pair('old', 'ben', 'completed')],
    });
    expect(candidateFor(member('ben'), d, NOW, true)).toMatchObject({ learns: ['coding'], wantsMentor: true });
    const covered = data({ ...d, pairs: [pair('priya', 'ben', 'active'), pair('old', 'ben', 'paused')] });
    expect(candidateFor(member('ben'), covered, NOW, true)).toMatchObject({ learns: [], wantsMentor: false });
  });

  it('does not look for a mentor in a task someone is now trained or expert in', () => {
    const d = data({
      profiles: [profile('ben', { learns: ['Prior authorizations', 'coding', 'leadership'] })],
      skills: [
        { memberId: 'ben', taskId: 't-pa', level: 'trained', ownJob: false },
        { memberId: 'ben', taskId: 't-coding', level: 'learning', ownJob: false },
      ],
    });
    expect(candidateFor(member('ben'), d, NOW, true)).toMatchObject({ learns: ['coding', 'leadership'], wantsMentor: true });
    const expert = data({ ...d, skills: [{ memberId: 'ben', taskId: 't-pa', level: 'expert', ownJob: false }, { memberId: 'ben', taskId: 't-coding', level: 'trained', ownJob: false }] });
    expect(candidateFor(member('ben'), expert, NOW, true)).toMatchObject({ learns: ['leadership'] });
  });

  it('passes on the topic asked for with mentor request while it is still wanted', () => {
    const d = data({ profiles: [profile('ben', { learns: ['Prior authorizations', 'coding'], requested: 'Coding' })] });
    expect(candidateFor(member('ben'), d, NOW, true)).toMatchObject({ requested: 'coding' });
    const trained = data({ ...d, skills: [{ memberId: 'ben', taskId: 't-coding', level: 'trained', ownJob: false }] });
    expect(candidateFor(member('ben'), trained, NOW, true)).toMatchObject({ learns: ['Prior authorizations'], requested: null });
  });

  it('proposes a mentor for the topic asked for, before one for another topic, and leads the reason with it', () => {
    const d = data({
      members: [member('ben'), member('ana'), member('cy')],
      profiles: [
        profile('ben', { learns: ['Prior authorizations', 'coding'], requested: 'coding' }),
        profile('ana', { teaches: ['Prior authorizations'], capacity: 1 }),
        profile('cy', { teaches: ['coding'], capacity: 1 }),
      ],
      // Ana is expert in prior authorizations: without the request she would be the better mentor.
      skills: [{ memberId: 'ana', taskId: 't-pa', level: 'expert', ownJob: true }],
    });
    const run = (input: MatchData) => matchOncePerPerson(buildInput(buildCandidates(input, NOW).candidates, { tasks: input.tasks.map((t) => ({ key: t.key, name: t.name })) }));
    const asked = run(d).proposals;
    expect(asked.map((p) => [p.mentorId, p.menteeId, p.reason.topics])).toEqual([['cy', 'ben', ['Coding']]]);
    const notAsked = run({ ...d, profiles: d.profiles.map(({ requested: _r, ...p }) => p) }).proposals;
    expect(notAsked.map((p) => [p.mentorId, p.menteeId])).toEqual([['ana', 'ben']]);
  });

  it('wants a mentor only when opted in with something to learn', () => {
    const d = data({ profiles: [profile('a', { learns: ['coding'] }), profile('b', { learns: ['coding'], optedIn: false }), profile('c')] });
    expect(candidateFor(member('a'), d, NOW, true).wantsMentor).toBe(true);
    expect(candidateFor(member('b'), d, NOW, true).wantsMentor).toBe(false);
    expect(candidateFor(member('c'), d, NOW, true).wantsMentor).toBe(false);
  });
});

describe('one matching intro a week', () => {
  it('leaves out someone introduced this week, as mentor and as mentee, and names them', () => {
    const d = data({
      members: [member('ana'), member('ben'), member('cara')],
      profiles: [profile('ana', { capacity: 2, teaches: ['coding'] }), profile('ben', { learns: ['coding'] }), profile('cara', { learns: ['coding'] })],
      introducedThisWeek: new Set(['ana', 'ben']),
    });
    const { candidates, heldBack } = buildCandidates(d, NOW);
    expect(candidates.map((c) => [c.id, c.capacity, c.wantsMentor])).toEqual([
      ['ana', 0, false],
      ['ben', 0, false],
      ['cara', 0, true],
    ]);
    expect(heldBack).toEqual(['ben']);
    // A manager's own `pair` is not bound by it.
    expect(candidateFor(member('ana'), d, NOW, false).capacity).toBe(2);
  });

  it('takes only members with a profile', () => {
    const d = data({ members: [member('ana'), member('ben')], profiles: [profile('ana')] });
    expect(buildCandidates(d, NOW).candidates.map((c) => c.id)).toEqual(['ana']);
  });
});

describe('recent pairs', () => {
  it('keeps live pairs open-ended and dates ended or declined ones by their last update', () => {
    const pairs = [pair('a', 'b', 'active'), pair('a', 'c', 'proposed'), pair('a', 'd', 'completed', '2025-02-01T00:00:00.000Z'), pair('a', 'e', 'declined', '2025-03-01T00:00:00.000Z')];
    expect(recentPairsOf(pairs)).toEqual([
      { mentorId: 'a', menteeId: 'b', endedOrDeclinedAt: null },
      { mentorId: 'a', menteeId: 'c', endedOrDeclinedAt: null },
      { mentorId: 'a', menteeId: 'd', endedOrDeclinedAt: '2025-02-01T00:00:00.000Z' },
      { mentorId: 'a', menteeId: 'e', endedOrDeclinedAt: '2025-03-01T00:00:00.000Z' },
    ]);
  });
});

describe('matchOncePerPerson', () => {
  const pairs = (input: Parameters<typeof matchOncePerPerson>[0]) => matchOncePerPerson(input).proposals.map((p) => `${p.mentorId}→${p.menteeId}`);

  it('never makes one person both a mentor and a mentee; a tie keeps them a mentee', () => {
    const input = buildInput([buildMentor('ana', ['x']), buildMentee('ben', ['x'], { teaches: ['y'], capacity: 1 }), buildMentee('cara', ['y'])]);
    const result = matchOncePerPerson(input);
    expect(pairs(input)).toEqual(['ana→ben']);
    expect(result.mentoringThisRun).toEqual([]);
    expect(result.unmatched).toEqual([{ menteeId: 'cara', why: 'mentors_at_capacity' }]);
  });

  it('keeps them a mentor when that scores higher, and says so', () => {
    const input = buildInput([buildMentor('ana', ['x']), buildMentee('ben', ['x'], { teaches: ['y'], expertIn: ['y'], capacity: 1 }), buildMentee('cara', ['y'])]);
    const result = matchOncePerPerson(input);
    expect(pairs(input)).toEqual(['ben→cara']);
    expect(result.mentoringThisRun).toEqual(['ben']);
  });

  it('breaks ties by name, whatever the ids', () => {
    const run = (aliceId: string, zedId: string) => {
      const result = matchOncePerPerson(
        buildInput([buildMentor(aliceId, ['x'], { displayName: 'Alice' }), buildMentor(zedId, ['x'], { displayName: 'Zed' }), buildMentee('m', ['x'], { displayName: 'Mo' })]),
      );
      return result.proposals.map((p) => p.reason.mentorName);
    };
    expect(run('id-1', 'id-2')).toEqual(run('id-2', 'id-1'));
    expect(run('id-9', 'id-0')).toEqual(['Alice']);
  });
});
