// Mentoring's repository (runs, proposals, approvals, intro answers, reflections) on the shared Postgres and on a private PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReasonParts } from '../../../src/core/mentoring/match-types.ts';
import type { Member, Pair } from '../../../src/core/model.ts';
import type { Repositories } from '../../../src/core/repositories.ts';
import { buildMember, buildWorkspace, openTestDatabase, type TestDatabase } from '../../support/db.ts';

const at = '2025-03-03T15:00:00.000Z';
const reason: ReasonParts = {
  mentorName: 'Ana',
  menteeName: 'Ben',
  topics: ['Coding'],
  expertTopics: [],
  goalWords: [],
  differentTeam: true,
  mentorMoreSenior: false,
  reverse: false,
};

describe.each(['postgres', 'pglite'] as const)('mentoring repository on %s', (kind) => {
  let database: TestDatabase;
  let repos: Repositories;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    repos = database.repos;
  });

  afterAll(async () => {
    await database?.close();
  });

  async function people() {
    const workspace = await buildWorkspace(repos);
    const [dana, ana, ben] = [await buildMember(repos, workspace.id), await buildMember(repos, workspace.id), await buildMember(repos, workspace.id)];
    return { workspace, dana, ana, ben };
  }

  const proposedPair = (workspaceId: string, mentor: Member, mentee: Member, when = at): Promise<Pair> =>
    repos.pairs.create(
      { workspaceId, mentorId: mentor.id, menteeId: mentee.id, kind: 'mentoring', status: 'proposed', cadence: 'biweekly', focus: null, reason: null, mentorAccepted: false, menteeAccepted: false },
      when,
    );

  it('keeps runs and proposals; a new run makes the older pending proposals stale; a decision is taken once', async () => {
    const { workspace, dana, ana, ben } = await people();
    const unmatched = [{ menteeId: dana.id, why: 'not_eligible' as const, blockers: ['snoozed' as const] }, { menteeId: ben.id, why: 'introduced_this_week' as const }];
    const first = await repos.mentoring.createRun(
      { workspaceId: workspace.id, memberId: dana.id, preview: true, unmatched, createdAt: at },
      [{ position: 0, mentorId: ana.id, menteeId: ben.id, kind: 'mentoring', score: 140, topics: ['coding'], reason }],
    );
    expect(first.run).toEqual({ id: expect.any(String), workspaceId: workspace.id, memberId: dana.id, preview: true, unmatched, createdAt: at });
    expect(first.proposals).toEqual([
      { id: expect.any(String), workspaceId: workspace.id, runId: first.run.id, position: 0, mentorId: ana.id, menteeId: ben.id, kind: 'mentoring', score: 140, topics: ['coding'], reason, status: 'pending', pairId: null },
    ]);
    expect(await repos.mentoring.getRun(workspace.id, first.run.id)).toEqual(first.run);
    const other = await buildWorkspace(repos);
    expect(await repos.mentoring.getRun(other.id, first.run.id)).toBeNull();
    expect(await repos.mentoring.getProposal(other.id, first.proposals[0]!.id)).toBeNull();

    const second = await repos.mentoring.createRun({ workspaceId: workspace.id, memberId: dana.id, preview: false, unmatched: [], createdAt: at }, [
      { position: 0, mentorId: ana.id, menteeId: ben.id, kind: 'reverse', score: 100, topics: ['coding'], reason },
    ]);
    expect((await repos.mentoring.getProposal(workspace.id, first.proposals[0]!.id))?.status).toBe('stale');
    const id = second.proposals[0]!.id;
    const decided = await Promise.all([
      repos.mentoring.decideProposal(workspace.id, id, 'approved', dana.id, at),
      repos.mentoring.decideProposal(workspace.id, id, 'skipped', dana.id, at),
    ]);
    expect(decided.filter(Boolean)).toHaveLength(1);
    expect(await repos.mentoring.decideProposal(other.id, id, 'approved', dana.id, at)).toBe(false);
    const pair = await proposedPair(workspace.id, ana, ben);
    await repos.mentoring.linkProposal(workspace.id, id, pair.id);
    expect((await repos.mentoring.listProposals(workspace.id, second.run.id))[0]?.pairId).toBe(pair.id);
  });

  it('records who approved a pair, and who matching introduced since a moment', async () => {
    const { workspace, dana, ana, ben } = await people();
    const byMatch = await proposedPair(workspace.id, ana, ben, '2025-03-01T00:00:00.000Z');
    const byHand = await proposedPair(workspace.id, dana, ben);
    await repos.mentoring.recordApproval({ pairId: byMatch.id, workspaceId: workspace.id, source: 'match', approvedBy: dana.id, createdAt: '2025-03-01T00:00:00.000Z' });
    await repos.mentoring.recordApproval({ pairId: byHand.id, workspaceId: workspace.id, source: 'pair', approvedBy: dana.id, createdAt: at });
    expect(await repos.mentoring.getApproval(workspace.id, byMatch.id)).toEqual({ pairId: byMatch.id, workspaceId: workspace.id, source: 'match', approvedBy: dana.id, createdAt: '2025-03-01T00:00:00.000Z' });
    expect(await repos.mentoring.matchIntroducedSince(workspace.id, '2025-02-25T00:00:00.000Z')).toEqual([ana.id, ben.id].sort());
    expect(await repos.mentoring.matchIntroducedSince(workspace.id, '2025-03-02T00:00:00.000Z')).toEqual([]);
  });

  it('makes a pair active exactly once when both accept at the same moment', async () => {
    const { workspace, ana, ben } = await people();
    const pair = await proposedPair(workspace.id, ana, ben);
    const [mentor, mentee] = await Promise.all([
      repos.mentoring.answerIntro(workspace.id, pair.id, 'mentor', true, at),
      repos.mentoring.answerIntro(workspace.id, pair.id, 'mentee', true, at),
    ]);
    expect([mentor?.status, mentee?.status].filter((s) => s === 'active')).toHaveLength(1);
    expect(await repos.pairs.get(workspace.id, pair.id)).toMatchObject({ status: 'active', mentorAccepted: true, menteeAccepted: true });
    expect(await repos.mentoring.answerIntro(workspace.id, pair.id, 'mentor', false, at)).toBeNull();
  });

  it('declines a proposed pair, and moves pairs only from the statuses given', async () => {
    const { workspace, ana, ben } = await people();
    const pair = await proposedPair(workspace.id, ana, ben);
    expect((await repos.mentoring.answerIntro(workspace.id, pair.id, 'mentee', false, '2025-03-04T00:00:00.000Z'))).toMatchObject({ status: 'declined', updatedAt: '2025-03-04T00:00:00.000Z' });
    expect(await repos.mentoring.answerIntro(workspace.id, pair.id, 'mentor', true, at)).toBeNull();
    expect(await repos.mentoring.movePair(workspace.id, pair.id, ['active'], 'paused', at)).toBeNull();
    const other = await proposedPair(workspace.id, ben, ana);
    expect(await repos.mentoring.movePair(workspace.id, other.id, ['proposed', 'active'], 'completed', at)).toMatchObject({ status: 'completed' });
  });

  it('keeps one reflection per person and pair, read back for its author', async () => {
    const { workspace, ana, ben } = await people();
    const pair = await proposedPair(workspace.id, ana, ben);
    await repos.mentoring.saveReflection(workspace.id, { pairId: pair.id, memberId: ben.id, text: 'First' }, at);
    await repos.mentoring.saveReflection(workspace.id, { pairId: pair.id, memberId: ben.id, text: 'Second' }, '2025-03-05T00:00:00.000Z');
    expect(await repos.mentoring.getReflection(workspace.id, pair.id, ben.id)).toEqual({ pairId: pair.id, memberId: ben.id, text: 'Second', createdAt: at, updatedAt: '2025-03-05T00:00:00.000Z' });
    expect(await repos.mentoring.getReflection(workspace.id, pair.id, ana.id)).toBeNull();
    const other = await buildWorkspace(repos);
    expect(await repos.mentoring.getReflection(other.id, pair.id, ben.id)).toBeNull();
  });
});
