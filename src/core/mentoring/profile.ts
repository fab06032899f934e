// `profile` (the form and its save) and `mentor request [topic]` (a wish for a mentor, told to the managers).
import { delivery, mentorRequestPrefix } from '../deliveries/kinds.ts';
import { z } from 'zod';
import { userText } from '../messages/user-text.ts';
import type { HandlerContext } from '../context.ts';
import { ensureDefaultTasks } from '../coverage/ports.ts';
import { actions, button, context, form, header, message, replacing, section, textMessage } from '../messages/build.ts';
import { catalogFor } from '../messages/catalog.ts';
import type { Block, Message } from '../messages/model.ts';
import { CADENCES, type Member, type MentoringProfile, type Task } from '../model.ts';
import { audienceFor, leadersOf, reachableToday } from '../people/ports.ts';
import { refusePhi } from '../phi-guard.ts';
import { tellWithdrawn } from '../withdraw.ts';
import {
  describeProfileChanges,
  PROFILE_LIMITS,
  profileBase,
  profileValues,
  readProfile,
  requestedTopic,
  sameTopics,
  topicName,
  uniqueTopics,
  type ProfileError,
  type ProfileValues,
} from './profile-form.ts';

/** The profile of someone who never filled one in: not mentoring, not in matching. */
function emptyProfile(ctx: HandlerContext, memberId: string): MentoringProfile {
  return { memberId, teaches: [], learns: [], goals: '', capacity: 0, cadence: ctx.workspace.settings.cadence, optedIn: false };
}

async function currentProfile(ctx: HandlerContext): Promise<MentoringProfile> {
  return (await ctx.deps.repos.profiles.get(ctx.workspace.id, ctx.member.id)) ?? emptyProfile(ctx, ctx.member.id);
}

export async function showProfile(ctx: HandlerContext): Promise<Message[]> {
  const tasks = await ensureDefaultTasks(ctx.deps.repos, ctx.workspace.id);
  const profile = await currentProfile(ctx);
  return [profileMessage(ctx, profile, tasks)];
}

function profileMessage(ctx: HandlerContext, profile: MentoringProfile, tasks: Task[]): Message {
  const tp = ctx.t.mentoring.profile;
  const topics = (list: string[]) => (list.length === 0 ? tp.none : list.map((x) => userText(topicName(x, tasks))).join(', '));
  return message([
    header(tp.title),
    section(tp.intro, [
      { label: tp.fields.teaches, value: topics(profile.teaches) },
      { label: tp.fields.learns, value: topics(profile.learns) },
      { label: tp.fields.goals, value: profile.goals ? userText(profile.goals) : tp.noGoals },
      { label: tp.fields.capacity, value: tp.capacity(profile.capacity) },
      { label: tp.fields.cadence, value: ctx.t.mentoring.cadences[profile.cadence] },
      { label: tp.fields.optIn, value: tp.optedIn(profile.optedIn) },
    ]),
    profileForm(ctx, profileValues(profile, tasks), profileBase(profileValues(profile, tasks)), tasks),
  ]);
}

/**
 * The form; `base` is the fingerprint of what is stored (see `profileBase`). A field in `errors`
 * carries its problem where its hint would be, so the member sees what to fix next to what they typed.
 */
function profileForm(ctx: HandlerContext, values: ProfileValues, base: string, tasks: Task[], errors: ProfileError[] = []): Block {
  const tp = ctx.t.mentoring.profile;
  const f = tp.fields;
  const taskOptions = tasks.map((t) => ({ label: t.name, value: t.key }));
  const hint = (field: ProfileError['field'], usual?: string): { hint?: string } => {
    const problems = errors.filter((e) => e.field === field).map((e) => e.problem);
    if (problems.length > 0) return { hint: tp.invalid.marked(problems.join(' ')) };
    return usual ? { hint: usual } : {};
  };
  return form({
    formId: 'profile.save',
    title: tp.formTitle,
    submitLabel: tp.save,
    value: base,
    inputs: [
      { type: 'input', name: 'teaches', label: f.teaches, kind: 'multiselect', options: taskOptions, initial: values.teaches, optional: true, ...hint('teaches', tp.hints.teaches) },
      { type: 'input', name: 'teachesOther', label: f.teachesOther, kind: 'text', initial: values.teachesOther, optional: true, ...hint('teachesOther', tp.hints.other) },
      { type: 'input', name: 'learns', label: f.learns, kind: 'multiselect', options: taskOptions, initial: values.learns, optional: true, ...hint('learns') },
      { type: 'input', name: 'learnsOther', label: f.learnsOther, kind: 'text', initial: values.learnsOther, optional: true, ...hint('learnsOther', tp.hints.other) },
      { type: 'input', name: 'goals', label: f.goals, kind: 'textarea', initial: values.goals, optional: true, ...hint('goals', tp.hints.goals) },
      { type: 'input', name: 'capacity', label: f.capacity, kind: 'number', initial: values.capacity, ...hint('capacity', tp.hints.capacity) },
      {
        type: 'input',
        name: 'cadence',
        label: f.cadence,
        kind: 'select',
        options: CADENCES.map((c) => ({ label: ctx.t.mentoring.cadences[c], value: c })),
        initial: values.cadence,
        ...hint('cadence', tp.hints.cadence),
      },
      {
        type: 'input',
        name: 'optIn',
        label: f.optIn,
        kind: 'select',
        options: [
          { label: tp.yes, value: 'yes' },
          { label: tp.no, value: 'no' },
        ],
        initial: values.optIn,
        ...hint('optIn', tp.hints.optIn),
      },
    ],
  });
}

function invalidMessage(ctx: HandlerContext, errors: ProfileError[], values: ProfileValues, base: string, tasks: Task[]): Message {
  const tp = ctx.t.mentoring.profile;
  const lines = errors.map((e) => tp.invalid.field(tp.fields[e.field], e.problem));
  return message([section(`${tp.invalid.intro(errors.length)}\n${lines.join('\n')}`), profileForm(ctx, values, base, tasks, errors)]);
}

/**
 * The `profile.save` form; a press without fields (an old button, or Slack opening the form) shows the profile.
 * The form's value is the fingerprint of what it showed: only the fields the member edited are taken.
 */
export async function saveProfile(ctx: HandlerContext, value: string, fields?: Record<string, string>): Promise<Message[]> {
  if (!fields) return showProfile(ctx);
  const tasks = await ensureDefaultTasks(ctx.deps.repos, ctx.workspace.id);
  const current = await currentProfile(ctx);
  const read = readProfile(ctx.t, fields, current, tasks, value);
  if (!read.ok) return [invalidMessage(ctx, read.errors, read.redisplay, profileBase(profileValues(current, tasks)), tasks)];
  const changes = describeProfileChanges(ctx.t, current, read.next, tasks);
  const saved = ctx.t.mentoring.profile.saved;
  if (changes.length === 0) return [replacing(textMessage(saved.nothing))];
  await ctx.deps.repos.profiles.upsert(ctx.workspace.id, read.next);
  ctx.log.info({ changes: changes.length }, 'mentoring profile saved');
  const inMatching = read.next.optedIn && !ctx.member.optedOut;
  return [replacing(message([header(saved.title), section(`${saved.changed}\n${changes.join('\n')}`), context(inMatching ? saved.inMatching : saved.notInMatching)]))];
}

const TOPIC_MAX = PROFILE_LIMITS.topicLength;

/** `mentor request [topic]`: opts the member in, adds the topic to what they want to learn, and tells the managers. */
export async function mentorRequest(ctx: HandlerContext, command: { topic?: string }): Promise<Message[]> {
  const tm = ctx.t.mentoring;
  const typed = command.topic?.trim().replace(/\s+/g, ' ') ?? '';
  if (typed.length > TOPIC_MAX) return [textMessage(tm.topicTooLong(TOPIC_MAX))];
  const refusal = refusePhi(ctx.t, typed);
  if (refusal) return [refusal];

  const tasks = await ensureDefaultTasks(ctx.deps.repos, ctx.workspace.id);
  const current = await currentProfile(ctx);
  const stored = typed ? requestedTopic(typed, tasks) : null;
  const already = stored !== null && uniqueTopics([...current.learns, stored], tasks).length === uniqueTopics(current.learns, tasks).length;
  const learns = stored === null ? current.learns : uniqueTopics([...current.learns, stored], tasks);
  // The topic asked for is the one matching looks for first, and the one the managers hear about.
  const requested = stored === null ? {} : { requested: learns.find((x) => sameTopics([x], [stored], tasks)) ?? stored };
  await ctx.deps.repos.profiles.upsert(ctx.workspace.id, { ...current, learns, optedIn: true, ...requested });
  const shown = stored === null ? null : topicName(stored, tasks);
  ctx.log.info({ topic: stored !== null }, 'mentor requested');
  const told = await tellManagers(ctx, shown);

  const lines = [already && shown ? tm.request.already(shown) : tm.request.recorded(shown, told.map((m) => m.displayName)), tm.request.next];
  if (learns.length === 0) lines.push(tm.request.noTopic);
  if (ctx.member.optedOut) lines.push(tm.request.optedOut);
  const undo: RequestUndo = {
    a: stored !== null && !already ? stored : null,
    o: current.optedIn,
    r: current.requested ?? null,
    n: requested.requested ?? current.requested ?? null,
    w: requestWeek(ctx),
  };
  return [message([section(lines.join('\n\n')), actions(button(ctx.t.buttons.undo, 'request.undo', JSON.stringify(undo)))])];
}

/** What an Undo of `mentor request` puts back: the topic it added, whether the member was in matching, the requested topic before and after, the week the managers were told. */
export const requestUndoSchema = z.object({
  a: z.string().max(TOPIC_MAX).nullable(),
  o: z.boolean(),
  r: z.string().max(TOPIC_MAX).nullable(),
  n: z.string().max(TOPIC_MAX).nullable(),
  w: z.string().max(10),
});
export type RequestUndo = z.infer<typeof requestUndoSchema>;

function requestWeek(ctx: HandlerContext): string {
  return ctx.now.setZone(ctx.member.timeZone).toFormat("kkkk-'W'WW");
}

/**
 * The Undo of `mentor request` (`request.undo`): puts the profile back as it was, only while it is still
 * as the request left it, and tells the managers who heard about the request that it was withdrawn.
 */
export async function requestAction(ctx: HandlerContext, undo: RequestUndo): Promise<Message[]> {
  const t = ctx.t.mentoring.request;
  const tasks = await ensureDefaultTasks(ctx.deps.repos, ctx.workspace.id);
  const profile = await currentProfile(ctx);
  const added = undo.a;
  const unchanged =
    profile.optedIn && (profile.requested ?? null) === undo.n && (added === null || profile.learns.some((x) => sameTopics([x], [added], tasks)));
  if (!unchanged) return [textMessage(ctx.t.coverage.undo.nothing)];
  const learns = added === null ? profile.learns : profile.learns.filter((x) => !sameTopics([x], [added], tasks));
  await ctx.deps.repos.profiles.upsert(ctx.workspace.id, { ...profile, learns, optedIn: undo.o, requested: undo.r });
  ctx.log.info({}, 'mentor request undone');
  const told = await withdrawRequest(ctx, undo.w);
  const lines = [t.undone];
  if (told.length > 0) lines.push(t.withdrawnTold(ctx.t.coverage.list(told.map((m) => userText(m.displayName)))));
  return [replacing(textMessage(lines.join(' ')))];
}

/** A short note to each manager a request of `week` reached; returns who. */
async function withdrawRequest(ctx: HandlerContext, week: string): Promise<Member[]> {
  return tellWithdrawn(ctx, {
    toldPrefix: mentorRequestPrefix(ctx.member.id, week),
    delivery: (manager) => delivery('mentor_request_withdrawn', ctx.member.id, week, manager.id),
    text: (manager) => catalogFor(manager.locale).mentoring.request.withdrawn(ctx.member.displayName),
  });
}

/** One DM to the member's manager and to each admin who can be contacted today; once a week per member. Returns who that is. */
async function tellManagers(ctx: HandlerContext, topic: string | null): Promise<Member[]> {
  const { outbox } = ctx.deps;
  const week = requestWeek(ctx);
  const recipients = audienceFor(ctx.member, await leadersOf(ctx), { reach: 'manager-and-admins', reachable: await reachableToday(ctx) });
  for (const manager of recipients) {
    try {
      const t = catalogFor(manager.locale).mentoring.request;
      await outbox.enqueue({
        workspaceId: ctx.workspace.id,
        ...delivery('mentor_request', ctx.member.id, week, manager.id),
        memberIds: [manager.id],
        conversation: 'dm',
        message: message([
          section(`${t.toManagers(ctx.member.displayName, topic)}\n${t.toManagersHow}`),
          actions(button(t.previewButton, 'match.preview', 'preview')),
        ]),
      });
    } catch (err) {
      ctx.log.warn({ err, to: manager.id }, 'could not tell a manager about a mentor request');
    }
  }
  return recipients;
}
