// scorePair: each soft preference's literal points, each hard constraint by name, and the input contracts.
import { describe, expect, it } from 'vitest';
import { MatchingInputError, scorePair, yearsAtPractice, type PairContext } from '../../../src/core/mentoring/matching.ts';
import { buildMentee, buildMentor, NOW } from './builders.ts';

const ctx: PairContext = { recentPairs: [], now: NOW };

describe('scorePair: soft preferences', () => {
  it('gives 100 per topic the mentor teaches and the mentee wants to learn, compared case-insensitively', () => {
    const ana = buildMentor('ana', ['Prior authorizations', 'Coding', 'Triage'], { displayName: 'Ana' });
    const ben = buildMentee('ben', ['prior AUTHORIZATIONS', ' coding ', 'phlebotomy'], { displayName: 'Ben' });
    expect(scorePair(ana, ben, ctx)).toEqual({
      score: 200,
      allowed: true,
      breaks: [],
      kind: 'mentoring',
      topics: ['coding', 'prior authorizations'],
      reason: {
        mentorName: 'Ana',
        menteeName: 'Ben',
        topics: ['Coding', 'Prior authorizations'],
        expertTopics: [],
        goalWords: [],
        differentTeam: false,
        mentorMoreSenior: false,
        reverse: false,
      },
    });
  });

  it('scores 0 and is not allowed when they share no topic, whatever the other bonuses', () => {
    const ana = buildMentor('ana', ['coding'], { team: 'billing', seniorityYears: 20, goals: 'telehealth billing' });
    const ben = buildMentee('ben', ['triage'], { team: 'nursing', seniorityYears: 1, goals: 'telehealth billing' });
    const result = scorePair(ana, ben, ctx);
    expect(result.score).toBe(0);
    expect(result.allowed).toBe(false);
    expect(result.breaks).toEqual([]);
  });

  it('adds 30 per shared topic the mentor teaches at expert level', () => {
    const ana = buildMentor('ana', ['coding', 'triage'], { expertIn: ['Coding', 'imaging'] });
    const ben = buildMentee('ben', ['coding', 'triage', 'imaging']);
    const result = scorePair(ana, ben, ctx);
    // imaging counts as taught because Ana is an expert in it.
    expect(result.score).toBe(3 * 100 + 2 * 30);
    expect(result.reason.expertTopics).toEqual(['Coding', 'imaging']);
  });

  it('adds 5 per shared goal word of four letters or more, common words aside, up to three words', () => {
    const ana = buildMentor('ana', ['coding'], { goals: 'Become a better billing auditor; more telehealth work' });
    const ben = buildMentee('ben', ['coding'], { goals: 'Telehealth BILLING audits, become better' });
    expect(scorePair(ana, ben, ctx)).toMatchObject({ score: 110, reason: { goalWords: ['billing', 'telehealth'] } });

    const many = 'audits billing charting telehealth vaccines';
    const capped = scorePair({ ...ana, goals: many }, { ...ben, goals: many }, ctx);
    expect(capped.score).toBe(115);
    expect(capped.reason.goalWords).toEqual(['audits', 'billing', 'charting', 'telehealth', 'vaccines']);
  });

  it('adds 40 when they work on different teams, never when a team is unknown', () => {
    const ben = buildMentee('ben', ['coding'], { team: 'Front desk' });
    expect(scorePair(buildMentor('ana', ['coding'], { team: 'Billing' }), ben, ctx)).toMatchObject({ score: 140, reason: { differentTeam: true } });
    expect(scorePair(buildMentor('ana', ['coding'], { team: ' front DESK ' }), ben, ctx)).toMatchObject({ score: 100, reason: { differentTeam: false } });
    expect(scorePair(buildMentor('ana', ['coding'], { team: '' }), ben, ctx).score).toBe(100);
  });

  it('adds 10 when the mentor is at least a year more senior', () => {
    const ben = buildMentee('ben', ['coding'], { seniorityYears: 2 });
    expect(scorePair(buildMentor('ana', ['coding'], { seniorityYears: 8 }), ben, ctx)).toMatchObject({
      score: 110,
      kind: 'mentoring',
      reason: { mentorMoreSenior: true, reverse: false },
    });
    expect(scorePair(buildMentor('ana', ['coding'], { seniorityYears: 3.3 }), { ...ben, seniorityYears: 2.3 }, ctx).score).toBe(110);
    expect(scorePair(buildMentor('ana', ['coding'], { seniorityYears: 2.5 }), ben, ctx).score).toBe(100);
    expect(scorePair(buildMentor('ana', ['coding'], { seniorityYears: null }), ben, ctx).score).toBe(100);
  });

  it('calls a junior teaching a senior reverse mentoring, with no seniority penalty', () => {
    const dee = buildMentor('dee', ['Epic shortcuts'], { seniorityYears: 1 });
    const eve = buildMentee('eve', ['epic shortcuts'], { seniorityYears: 15 });
    expect(scorePair(dee, eve, ctx)).toMatchObject({
      score: 100,
      allowed: true,
      kind: 'reverse',
      reason: { reverse: true, mentorMoreSenior: false },
    });
  });

  it('treats a task name and its key as one topic, and names it as the task', () => {
    const tasks = [{ key: 'prior-auth', name: 'Prior authorizations' }];
    const ana = buildMentor('ana', ['PRIOR-AUTH']);
    const ben = buildMentee('ben', ['prior authorizations']);
    expect(scorePair(ana, ben, { ...ctx, tasks })).toMatchObject({ score: 100, topics: ['prior-auth'], reason: { topics: ['Prior authorizations'] } });
  });

  it('counts the topic asked for with mentor request above any other overlap, and puts it first', () => {
    const ana = buildMentor('ana', ['coding', 'prior authorizations'], { displayName: 'Ana' });
    const ben = buildMentee('ben', ['prior authorizations', 'coding'], { displayName: 'Ben', requested: 'Coding' });
    const result = scorePair(ana, ben, ctx);
    expect(result.score).toBe(2200);
    expect(result.topics).toEqual(['coding', 'prior authorizations']);
    const cy = buildMentor('cy', ['prior authorizations'], { displayName: 'Cy' });
    expect(scorePair(cy, ben, ctx).score).toBe(100);
    const many = buildMentor('dee', ['prior authorizations', ...Array.from({ length: 11 }, (_, i) => `topic ${i}`)], { expertIn: ['prior authorizations'] });
    const wide = buildMentee('ben', ['prior authorizations', 'coding', ...Array.from({ length: 10 }, (_, i) => `topic ${i}`)], { requested: 'coding' });
    expect(scorePair(ana, wide, ctx).score).toBeGreaterThan(scorePair(many, wide, ctx).score);
    const asksPa = buildMentee('ben', ['prior authorizations', 'coding'], { displayName: 'Ben', requested: 'prior authorizations' });
    expect(scorePair(ana, asksPa, ctx).reason.topics).toEqual(['prior authorizations', 'coding']);
    // A request for something no longer wanted counts for nothing.
    expect(scorePair(ana, buildMentee('ben', ['coding'], { requested: 'leadership' }), ctx).score).toBe(100);
  });

  it('uses the weights it is given', () => {
    const ana = buildMentor('ana', ['coding'], { team: 'a', seniorityYears: 9, expertIn: ['coding'] });
    const ben = buildMentee('ben', ['coding'], { team: 'b', seniorityYears: 1 });
    const weights = { topic: 7, expertTopic: 3, differentTeam: 0, seniority: 2 };
    expect(scorePair(ana, ben, { ...ctx, options: { weights } }).score).toBe(7 + 3 + 0 + 2);
  });
});

describe('scorePair: hard constraints', () => {
  const ana = buildMentor('ana', ['coding'], { managerId: 'boss' });
  const ben = buildMentee('ben', ['coding']);

  it('names nothing for a plain pair', () => {
    expect(scorePair(ana, ben, ctx).breaks).toEqual([]);
  });

  it('names pairing someone with themselves', () => {
    const cara = buildMentor('cara', ['coding'], { learns: ['coding'], wantsMentor: true });
    expect(scorePair(cara, cara, ctx)).toMatchObject({ allowed: false, breaks: ['self'] });
  });

  it('names an ineligible mentor or mentee', () => {
    expect(scorePair({ ...ana, flags: { ...ana.flags, snoozed: true } }, ben, ctx).breaks).toEqual(['mentor_not_eligible']);
    expect(scorePair(ana, { ...ben, flags: { ...ben.flags, out: true } }, ctx).breaks).toEqual(['mentee_not_eligible']);
    expect(scorePair(ana, { ...ben, flags: { ...ben.flags, optedIn: false } }, ctx).breaks).toEqual(['mentee_not_eligible']);
    expect(scorePair({ ...ana, flags: { ...ana.flags, active: false } }, ben, ctx).breaks).toEqual(['mentor_not_eligible']);
  });

  it('names a mentor with no room', () => {
    expect(scorePair({ ...ana, capacity: 0 }, ben, ctx)).toMatchObject({ score: 100, allowed: false, breaks: ['mentor_no_capacity'] });
  });

  it('names a manager and their direct report in both directions, unless allowed', () => {
    expect(scorePair(ana, { ...ben, managerId: 'ana' }, ctx).breaks).toEqual(['mentor_manages_mentee']);
    expect(scorePair({ ...ana, managerId: 'ben' }, ben, ctx).breaks).toEqual(['mentee_manages_mentor']);
    const allow = { ...ctx, options: { allowManagerPairs: true } };
    expect(scorePair(ana, { ...ben, managerId: 'ana' }, allow)).toMatchObject({ allowed: true, breaks: [] });
  });

  it('names a pair that ended or was declined within six months, in either direction', () => {
    const recent = (endedOrDeclinedAt: string | null, mentorId = 'ana', menteeId = 'ben') => ({
      ...ctx,
      recentPairs: [{ mentorId, menteeId, endedOrDeclinedAt }],
    });
    expect(scorePair(ana, ben, recent('2025-03-01T00:00:00Z')).breaks).toEqual(['recent_pair']);
    expect(scorePair(ana, ben, recent('2025-03-01T00:00:00Z', 'ben', 'ana')).breaks).toEqual(['recent_pair']);
    expect(scorePair(ana, ben, recent(null)).breaks).toEqual(['recent_pair']);
    // The window reaches back to 2024-12-01T12:00Z.
    expect(scorePair(ana, ben, recent('2024-12-01T12:00:00Z')).breaks).toEqual(['recent_pair']);
    expect(scorePair(ana, ben, recent('2024-12-01T11:59:59Z')).breaks).toEqual([]);
    expect(scorePair(ana, ben, { ...recent('2025-03-01T00:00:00Z'), options: { repeatWindowMonths: 2 } }).breaks).toEqual([]);
    expect(scorePair(ana, ben, recent('2025-03-01T00:00:00Z', 'ana', 'someone-else')).breaks).toEqual([]);
  });

  it('lists every constraint broken, in a fixed order, and still gives the score', () => {
    const result = scorePair(
      { ...ana, capacity: 0, managerId: 'ben', flags: { ...ana.flags, out: true } },
      { ...ben, flags: { ...ben.flags, snoozed: true } },
      { ...ctx, recentPairs: [{ mentorId: 'ben', menteeId: 'ana', endedOrDeclinedAt: null }] },
    );
    expect(result).toMatchObject({
      score: 100,
      allowed: false,
      breaks: ['mentor_not_eligible', 'mentee_not_eligible', 'mentor_no_capacity', 'mentee_manages_mentor', 'recent_pair'],
    });
  });
});

describe('scorePair: input contracts', () => {
  const ana = buildMentor('ana', ['coding']);
  const ben = buildMentee('ben', ['coding']);

  it.each([{ topic: 1.5 }, { goalWord: -1 }, { topic: 0 }, { seniority: Number.NaN }])('rejects weights %j', (weights) => {
    expect(() => scorePair(ana, ben, { ...ctx, options: { weights } })).toThrow(MatchingInputError);
  });

  it('rejects an unreadable instant with a stable code', () => {
    expect(() => scorePair(ana, ben, { ...ctx, now: 'next tuesday' })).toThrow(expect.objectContaining({ code: 'invalid_matching_input' }));
  });
});

describe('yearsAtPractice', () => {
  it('counts years, fractions included, from the start date', () => {
    expect(yearsAtPractice('2020-06-01', NOW)).toBeCloseTo(5, 2);
    expect(yearsAtPractice('2024-12-01', NOW)).toBeCloseTo(0.5, 2);
    expect(yearsAtPractice(null, NOW)).toBeNull();
    expect(yearsAtPractice('2026-01-01', NOW)).toBe(0);
  });
});
