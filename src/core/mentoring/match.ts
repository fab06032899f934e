// `match` and `match preview`: run the engine, keep its proposals until a manager approves or skips each, then introduce.
import type { HandlerContext } from '../context.ts';
import { actions, button, context, header, message, replacing, section, textMessage } from '../messages/build.ts';
import type { Block, Message } from '../messages/model.ts';
import type { Member } from '../model.ts';
import type { MatchProposal, MatchRun, RunUnmatched } from './repository.ts';
import { buildCandidates, matchOncePerPerson, recentPairsOf, taskNames, type MatchData } from './candidates.ts';
import { checkPair } from './conflicts.ts';
import { sendIntros } from './intro.ts';
import { loadMatchData } from './load.ts';
import { topicName } from './profile-form.ts';

/** Proposals per message of a preview: approving one replaces only the message it is in. */
const PER_MESSAGE = 20;
const UNMATCHED_SHOWN = 30;

export async function runMatch(ctx: HandlerContext, command: { preview: boolean }): Promise<Message[]> {
  const data = await loadMatchData(ctx);
  const { candidates, heldBack } = buildCandidates(data, ctx.now);
  const result = matchOncePerPerson({ candidates, recentPairs: recentPairsOf(data.pairs), now: ctx.now.toISO() ?? '', tasks: taskNames(data.tasks) });
  const unmatched: RunUnmatched[] = [
    ...result.unmatched,
    ...result.mentoringThisRun.map((id) => ({ menteeId: id, why: 'mentoring_this_run' as const })),
    ...heldBack.map((id) => ({ menteeId: id, why: 'introduced_this_week' as const })),
  ];
  const { run, proposals } = await ctx.deps.repos.withTransaction((repos) =>
    repos.mentoring.createRun(
      { workspaceId: ctx.workspace.id, memberId: ctx.member.id, preview: command.preview, unmatched, createdAt: ctx.now.toISO() ?? '' },
      result.proposals.map((p, position) => ({ position, mentorId: p.mentorId, menteeId: p.menteeId, kind: p.kind, score: p.score, topics: p.topics, reason: p.reason })),
    ),
  );
  ctx.log.info({ runId: run.id, proposals: proposals.length, unmatched: unmatched.length }, 'matching run');
  const learns = new Map(candidates.map((c) => [c.id, c.learns.map((x) => topicName(x, data.tasks))]));
  return runMessages(ctx, run, proposals, nameMap(data.members), learns);
}

const nameMap = (members: readonly Member[]) => new Map(members.map((m) => [m.id, m.displayName]));

function runMessages(ctx: HandlerContext, run: MatchRun, proposals: MatchProposal[], names: Map<string, string>, learns: Map<string, string[]>): Message[] {
  const tm = ctx.t.mentoring.match;
  const name = (id: string) => names.get(id) ?? '?';
  const messages: Block[][] = [[header(tm.title(run.preview, proposals.length)), section(proposals.length > 0 ? tm.intro : tm.none)]];
  proposals.forEach((p, i) => {
    if (i > 0 && i % PER_MESSAGE === 0) messages.push([]);
    const chunk = messages[messages.length - 1]!;
    chunk.push(section(`${tm.proposal(i + 1, name(p.mentorId), name(p.menteeId), ctx.t.mentoring.kinds[p.kind])}\n${ctx.t.mentoring.reason(p.reason)}`));
    // A decided proposal says what was decided and keeps no buttons.
    if (p.status === 'pending') {
      chunk.push(actions(button(tm.approve, 'match.approve', `approve:${p.id}`, 'primary'), button(tm.skip, 'match.skip', `skip:${p.id}`)));
    } else {
      chunk.push(context(tm.decided[p.status]));
    }
  });
  const last = messages[messages.length - 1]!;
  const pending = proposals.filter((p) => p.status === 'pending').length;
  if (pending > 1) last.push(actions(button(tm.approveAll, 'match.approveAll', `all:${run.id}`, 'primary')));
  if (run.unmatched.length > 0) last.push(section(`**${tm.unmatchedHeading}**\n${unmatchedLines(ctx, run.unmatched, names, learns).join('\n')}`));
  return messages.map((blocks) => message(blocks));
}

function unmatchedLines(ctx: HandlerContext, unmatched: RunUnmatched[], names: Map<string, string>, learns: Map<string, string[]>): string[] {
  const tu = ctx.t.mentoring.unmatched;
  const sorted = [...unmatched].sort((a, b) => (names.get(a.menteeId) ?? '').localeCompare(names.get(b.menteeId) ?? ''));
  const lines = sorted.slice(0, UNMATCHED_SHOWN).map((u) => {
    const topics = tu.topics(learns.get(u.menteeId) ?? []);
    const why = (() => {
      switch (u.why) {
        case 'not_eligible':
          return tu.blockers(u.blockers ?? []);
        case 'no_learning_topics':
          return tu.noLearningTopics;
        case 'no_teacher_for_topics':
          return tu.noTeacher(topics);
        case 'teachers_unavailable':
          return tu.teachersUnavailable(topics);
        case 'mentors_at_capacity':
          return tu.atCapacity(topics);
        case 'only_own_manager':
          return tu.onlyOwnManager(topics);
        case 'recent_pair':
          return tu.recentPair(topics);
        case 'introduced_this_week':
          return tu.introducedThisWeek;
        case 'mentoring_this_run':
          return tu.mentoringThisRun;
      }
    })();
    return tu.line(names.get(u.menteeId) ?? '?', why);
  });
  if (sorted.length > UNMATCHED_SHOWN) lines.push(ctx.t.mentoring.match.unmatchedMore(sorted.length - UNMATCHED_SHOWN));
  return lines;
}

type Approval = { ok: true } | { ok: false; why: string };

/**
 * Approves one proposal: checks it still holds (people still here and free, room left, nobody
 * introduced this week), then in one transaction marks it approved, creates the proposed pair and
 * records who approved it; the intros go out after. `data` is updated for the next approval.
 */
async function approveOne(ctx: HandlerContext, proposal: MatchProposal, data: MatchData): Promise<Approval> {
  const tm = ctx.t.mentoring;
  const byId = new Map(data.members.map((m) => [m.id, m]));
  const mentor = byId.get(proposal.mentorId);
  const mentee = byId.get(proposal.menteeId);
  if (!mentor) return { ok: false, why: tm.conflicts.notActive(proposal.reason.mentorName) };
  if (!mentee) return { ok: false, why: tm.conflicts.notActive(proposal.reason.menteeName) };
  const check = checkPair(ctx.t, data, ctx.now, mentor, mentee, true);
  if (check.problems.length > 0) return { ok: false, why: check.problems.join(' ') };

  const at = ctx.now.toISO() ?? '';
  const cadence = data.profiles.find((p) => p.memberId === mentor.id)?.cadence ?? ctx.workspace.settings.cadence;
  const pair = await ctx.deps.repos.withTransaction(async (repos) => {
    if (!(await repos.mentoring.decideProposal(ctx.workspace.id, proposal.id, 'approved', ctx.member.id, at))) return null;
    const created = await repos.pairs.create(
      {
        workspaceId: ctx.workspace.id,
        mentorId: mentor.id,
        menteeId: mentee.id,
        kind: proposal.kind,
        status: 'proposed',
        cadence,
        focus: tm.list(proposal.reason.topics.map((x) => topicName(x, data.tasks))),
        reason: tm.reason(proposal.reason),
        mentorAccepted: false,
        menteeAccepted: false,
      },
      at,
    );
    await repos.mentoring.recordApproval({ pairId: created.id, workspaceId: ctx.workspace.id, source: 'match', approvedBy: ctx.member.id, createdAt: at });
    await repos.mentoring.linkProposal(ctx.workspace.id, proposal.id, created.id);
    return created;
  });
  if (!pair) return { ok: false, why: tm.match.alreadyApproved };
  ctx.log.info({ pairId: pair.id, proposalId: proposal.id }, 'proposal approved');
  data.pairs = [...data.pairs, pair];
  data.introducedThisWeek = new Set([...data.introducedThisWeek, mentor.id, mentee.id]);
  await sendIntros(ctx, pair, ctx.member, proposal.reason);
  return { ok: true };
}

/** A proposal still waiting, or the reply that says why it is not. */
async function pendingProposal(ctx: HandlerContext, id: string): Promise<MatchProposal | Message> {
  const tm = ctx.t.mentoring.match;
  const proposal = await ctx.deps.repos.mentoring.getProposal(ctx.workspace.id, id);
  if (!proposal) return textMessage(ctx.t.mentoring.staleButton);
  switch (proposal.status) {
    case 'pending':
      return proposal;
    case 'approved':
      return textMessage(tm.alreadyApproved);
    case 'skipped':
      return textMessage(tm.alreadySkipped);
    case 'stale':
      return textMessage(tm.stale);
  }
}

async function approve(ctx: HandlerContext, id: string): Promise<Message[]> {
  const found = await pendingProposal(ctx, id);
  if ('blocks' in found) return [found];
  const data = await loadMatchData(ctx);
  const outcome = await approveOne(ctx, found, data);
  if (!outcome.ok) return [textMessage(outcome.why)];
  const names = nameMap(data.members);
  return [
    await settledRun(ctx, found.runId, found.position, data),
    textMessage(ctx.t.mentoring.match.approved(names.get(found.mentorId) ?? '?', names.get(found.menteeId) ?? '?')),
  ];
}

/**
 * The run's message that holds the proposal at `position`, as it reads now (decided proposals without
 * buttons), to replace the message whose button was pressed.
 */
async function settledRun(ctx: HandlerContext, runId: string, position: number, loaded?: MatchData): Promise<Message> {
  const data = loaded ?? (await loadMatchData(ctx));
  const [run, proposals] = await Promise.all([
    ctx.deps.repos.mentoring.getRun(ctx.workspace.id, runId),
    ctx.deps.repos.mentoring.listProposals(ctx.workspace.id, runId),
  ]);
  const { candidates } = buildCandidates(data, ctx.now);
  const learns = new Map(candidates.map((c) => [c.id, c.learns.map((x) => topicName(x, data.tasks))]));
  const all = run ? runMessages(ctx, run, [...proposals].sort((a, b) => a.position - b.position), nameMap(data.members), learns) : [];
  const index = Math.min(Math.floor(Math.max(0, position) / PER_MESSAGE), all.length - 1);
  return replacing(all[index] ?? textMessage(ctx.t.mentoring.match.nothingLeft));
}

async function approveAll(ctx: HandlerContext, runId: string): Promise<Message[]> {
  const tm = ctx.t.mentoring.match;
  const run = await ctx.deps.repos.mentoring.getRun(ctx.workspace.id, runId);
  if (!run) return [textMessage(ctx.t.mentoring.staleButton)];
  const proposals = await ctx.deps.repos.mentoring.listProposals(ctx.workspace.id, runId);
  const pending = proposals.filter((p) => p.status === 'pending');
  if (pending.length === 0) return [textMessage(proposals.some((p) => p.status === 'stale') ? tm.stale : tm.nothingLeft)];
  const data = await loadMatchData(ctx);
  const names = nameMap(data.members);
  let approved = 0;
  const refused: string[] = [];
  for (const proposal of pending) {
    try {
      const outcome = await approveOne(ctx, proposal, data);
      if (outcome.ok) approved++;
      else refused.push(tm.notApprovedLine(names.get(proposal.mentorId) ?? '?', names.get(proposal.menteeId) ?? '?', outcome.why));
    } catch (err) {
      ctx.log.error({ err, proposalId: proposal.id }, 'could not approve a proposal');
      refused.push(tm.notApprovedLine(names.get(proposal.mentorId) ?? '?', names.get(proposal.menteeId) ?? '?', ctx.t.error.generic));
    }
  }
  const text = refused.length > 0 ? `${tm.approvedAll(approved)}\n\n${tm.notApprovedHeading}\n${refused.join('\n')}` : tm.approvedAll(approved);
  // "Approve all" sits in the run's last message.
  return [await settledRun(ctx, runId, proposals.length - 1, data), textMessage(text)];
}

async function skip(ctx: HandlerContext, id: string): Promise<Message[]> {
  const found = await pendingProposal(ctx, id);
  if ('blocks' in found) return [found];
  const decided = await ctx.deps.repos.mentoring.decideProposal(ctx.workspace.id, found.id, 'skipped', ctx.member.id, ctx.now.toISO() ?? '');
  if (!decided) {
    const again = await pendingProposal(ctx, id);
    return ['blocks' in again ? again : textMessage(ctx.t.mentoring.match.alreadySkipped)];
  }
  const [mentor, mentee] = await Promise.all([
    ctx.deps.repos.members.get(ctx.workspace.id, found.mentorId),
    ctx.deps.repos.members.get(ctx.workspace.id, found.menteeId),
  ]);
  return [
    await settledRun(ctx, found.runId, found.position),
    textMessage(ctx.t.mentoring.match.skipped(mentor?.displayName ?? '?', mentee?.displayName ?? '?')),
  ];
}

/** The `match.*` buttons; the value says which: `approve:<proposal>`, `skip:<proposal>`, `all:<run>`, `preview`. Managers only. */
export async function matchAction(ctx: HandlerContext, value: string): Promise<Message[]> {
  const colon = value.indexOf(':');
  const verb = colon < 0 ? value : value.slice(0, colon);
  const arg = colon < 0 ? '' : value.slice(colon + 1);
  switch (verb) {
    case 'approve':
      return approve(ctx, arg);
    case 'skip':
      return skip(ctx, arg);
    case 'all':
      return approveAll(ctx, arg);
    case 'preview':
      return runMatch(ctx, { preview: true });
    default:
      ctx.log.warn({ value }, 'unknown match button');
      return [textMessage(ctx.t.mentoring.staleButton)];
  }
}
