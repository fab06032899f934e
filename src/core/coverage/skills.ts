// The skills commands and buttons: `skills`, `skills add …`, `skills remove …` (for oneself, or anyone for a manager),
// own-job marking, and managers' edits of the practice's task list.
//
// Buttons and forms carry a small JSON value `{do, m, …}` under the `skills` action prefix; every
// value is checked again when it comes back (a staff member may only act on themselves).
import { userText } from '../messages/user-text.ts';
import { z } from 'zod';
import type { Command, Mention } from '../commands/types.ts';
import { type HandlerContext, isManager } from '../context.ts';
import { actions, button, context, form, header, message, replacing, section, textMessage } from '../messages/build.ts';
import type { Block, Button, Message } from '../messages/model.ts';
import { type Member, type MemberSkill, SKILL_LEVELS, type SkillLevel, type Task } from '../model.ts';
import { resolveMention } from '../people/ports.ts';
import { refusePhi } from '../phi-guard.ts';
import { ensureDefaultTasks, taskKey } from './catalogue.ts';
import { matchTask } from './match-task.ts';
import { MAX_TASK_NAME } from './skills-csv.ts';
import { canonicalTopic, withoutLearned } from '../mentoring/ports.ts';

/** Past this many tasks in one change, the answer has no Undo (the button's value must stay small). */
const MAX_UNDO = 25;

const levelSchema = z.enum(SKILL_LEVELS as [SkillLevel, ...SkillLevel[]]);

export const skillsActionSchema = z.discriminatedUnion('do', [
  z.object({ do: z.literal('show'), m: z.string() }),
  z.object({ do: z.literal('addForm'), m: z.string() }),
  z.object({ do: z.literal('addSubmit'), m: z.string() }),
  z.object({ do: z.literal('removeForm'), m: z.string() }),
  z.object({ do: z.literal('removeSubmit'), m: z.string() }),
  z.object({ do: z.literal('ownForm'), m: z.string() }),
  z.object({ do: z.literal('ownSubmit'), m: z.string() }),
  z.object({ do: z.literal('set'), m: z.string(), t: z.string(), l: levelSchema }),
  z.object({ do: z.literal('unset'), m: z.string(), t: z.string() }),
  z.object({ do: z.literal('newTask'), m: z.string(), n: z.string().max(200), l: levelSchema }),
  z.object({ do: z.literal('catalogueForm') }),
  // Undo: per task `<taskId>:<before><after>`, each a mark code (see markCode).
  z.object({ do: z.literal('undo'), m: z.string(), c: z.array(z.string().max(60)).max(MAX_UNDO) }),
  z.object({ do: z.literal('catalogueSubmit') }),
]);
export type SkillsAction = z.infer<typeof skillsActionSchema>;

const value = (action: SkillsAction): string => JSON.stringify(action);
/** Forms' id; buttons get `skills.<do>[.<n>]`, distinct within a block as Slack wants (routing reads only `skills`). */
const ID = 'skills.form';

function skillsButton(label: string, action: SkillsAction, index?: number, style?: Button['style']): Button {
  return button(label, index === undefined ? `skills.${action.do}` : `skills.${action.do}.${index}`, value(action), style);
}

interface Target {
  member: Member;
  self: boolean;
}

/** A skill as one task's row holds it, or null when the member has none in that task. */
type Mark = Pick<MemberSkill, 'level' | 'ownJob'> | null;

/** What one change did to one task: kept so that an Undo can put it back. */
interface SkillChange {
  task: Task;
  before: Mark;
  after: Mark;
}

interface Done {
  text: string;
  changes: SkillChange[];
}

const CODES: Record<SkillLevel, string> = { learning: 'l', trained: 't', expert: 'e' };

/** One letter per mark: `n` none, `l`/`t`/`e` the level, upper-case when it is the member's own job. */
function markCode(mark: Mark): string {
  if (!mark) return 'n';
  const code = CODES[mark.level];
  return mark.ownJob ? code.toUpperCase() : code;
}

function markOf(code: string): Mark | undefined {
  if (code === 'n') return null;
  const level = SKILL_LEVELS.find((l) => CODES[l] === code.toLowerCase());
  return level ? { level, ownJob: code !== code.toLowerCase() } : undefined;
}

const sameMark = (a: Mark, b: Mark) => markCode(a) === markCode(b);

/** The answer to a change, with an Undo button when something changed (and the change is small enough to carry). */
function doneMessage(ctx: HandlerContext, target: Target, done: Done): Message {
  const changed = done.changes.filter((c) => !sameMark(c.before, c.after));
  if (changed.length === 0 || changed.length > MAX_UNDO) return textMessage(done.text);
  const c = changed.map((x) => `${x.task.id}:${markCode(x.before)}${markCode(x.after)}`);
  return message([section(done.text), actions(skillsButton(ctx.t.buttons.undo, { do: 'undo', m: target.member.id, c }))]);
}

type TargetResult = { ok: true; target: Target } | { ok: false; reply: Message[] };

async function targetOf(ctx: HandlerContext, mention: Mention | undefined): Promise<TargetResult> {
  if (!mention) return { ok: true, target: { member: ctx.member, self: true } };
  const found = await resolveMention(ctx, mention);
  if (!found.ok) return { ok: false, reply: [textMessage(found.reply)] };
  return allowed(ctx, found.member);
}

function allowed(ctx: HandlerContext, member: Member): TargetResult {
  if (!member.active) return { ok: false, reply: [textMessage(ctx.t.coverage.skills.unknownMember)] };
  if (member.id === ctx.member.id) return { ok: true, target: { member, self: true } };
  if (!isManager(ctx.member)) {
    return { ok: false, reply: [textMessage(ctx.t.coverage.skills.othersNeedManager(member.displayName))] };
  }
  return { ok: true, target: { member, self: false } };
}

async function targetById(ctx: HandlerContext, memberId: string): Promise<TargetResult> {
  const member = await ctx.deps.repos.members.get(ctx.workspace.id, memberId);
  if (!member) return { ok: false, reply: [textMessage(ctx.t.coverage.skills.unknownMember)] };
  return allowed(ctx, member);
}

function tasksOf(ctx: HandlerContext): Promise<Task[]> {
  return ensureDefaultTasks(ctx.deps.repos, ctx.workspace.id);
}

// ---- skills (show) ---------------------------------------------------------------------------

export async function showSkills(ctx: HandlerContext, command: Extract<Command, { name: 'skills_show' }>): Promise<Message[]> {
  const found = await targetOf(ctx, command.member);
  if (!found.ok) return found.reply;
  return [await skillsView(ctx, found.target)];
}

async function skillsView(ctx: HandlerContext, target: Target): Promise<Message> {
  const s = ctx.t.coverage.skills;
  const [tasks, skills] = await Promise.all([
    tasksOf(ctx),
    ctx.deps.repos.skills.listForMember(ctx.workspace.id, target.member.id),
  ]);
  const name = new Map(tasks.map((t) => [t.id, t.name]));
  const blocks: Block[] = [header(s.title(target.self, target.member.displayName))];
  const levels: SkillLevel[] = ['expert', 'trained', 'learning'];
  for (const level of levels) {
    const mine = skills
      .filter((k) => k.level === level && name.has(k.taskId))
      .sort((a, b) => Number(b.ownJob) - Number(a.ownJob) || (name.get(a.taskId) ?? '').localeCompare(name.get(b.taskId) ?? ''));
    if (mine.length === 0) continue;
    const lines = mine.map((k) => `• ${name.get(k.taskId) ?? ''}${k.ownJob ? ` — _${s.ownJob}_` : ''}`);
    blocks.push(section(`**${s.heading[level]}**\n${lines.join('\n')}`));
  }
  if (blocks.length === 1) blocks.push(section(s.empty(target.self, target.member.displayName)));
  else if (skills.some((k) => k.ownJob)) blocks.push(context(s.ownJobNote(target.self)));
  const m = target.member.id;
  const buttons: Button[] = [skillsButton(s.buttons.add, { do: 'addForm', m }, undefined, 'primary')];
  if (skills.length > 0) {
    buttons.push(skillsButton(s.buttons.own(target.self), { do: 'ownForm', m }));
    buttons.push(skillsButton(s.buttons.remove, { do: 'removeForm', m }));
  }
  if (isManager(ctx.member)) buttons.push(skillsButton(s.buttons.catalogue, { do: 'catalogueForm' }));
  blocks.push(actions(...buttons));
  return message(blocks);
}

// ---- skills add ------------------------------------------------------------------------------

export async function addSkills(ctx: HandlerContext, command: Extract<Command, { name: 'skills_add' }>): Promise<Message[]> {
  const found = await targetOf(ctx, command.member);
  if (!found.ok) return found.reply;
  const { target } = found;
  const tasks = await tasksOf(ctx);
  const matched: Task[] = [];
  const questions: Message[] = [];
  for (const text of command.tasks) {
    const result = matchTask(text, tasks);
    if (result.kind === 'match') matched.push(result.task);
    else if (result.kind === 'none') questions.push(unknownTaskAnswer(ctx, target, text, result.suggestions, command.level));
    else {
      const set = (t: Task): SkillsAction => ({ do: 'set', m: target.member.id, t: t.id, l: command.level });
      questions.push(ambiguousQuestion(ctx, text, result.options, set));
    }
  }
  const replies: Message[] = [];
  if (matched.length > 0) replies.push(doneMessage(ctx, target, await setLevel(ctx, target, matched, command.level)));
  return [...replies, ...questions];
}

/** Sets the level of each task, keeping whether it is the member's own job; returns the sentence saying so and what changed. */
async function setLevel(ctx: HandlerContext, target: Target, tasks: readonly Task[], level: SkillLevel): Promise<Done> {
  const { repos } = ctx.deps;
  const current = new Map((await repos.skills.listForMember(ctx.workspace.id, target.member.id)).map((k) => [k.taskId, k]));
  const unique = [...new Map(tasks.map((t) => [t.id, t])).values()];
  const learned = level === 'learning' ? [] : unique;
  const [profile, allTasks] = learned.length > 0
    ? await Promise.all([repos.profiles.get(ctx.workspace.id, target.member.id), repos.tasks.list(ctx.workspace.id)])
    : [null, []];
  const lighter = profile ? withoutLearned(profile, learned.map((t) => t.key), allTasks) : null;
  await repos.withTransaction(async (tx) => {
    for (const task of unique) {
      const ownJob = current.get(task.id)?.ownJob ?? false;
      await tx.skills.upsert(ctx.workspace.id, { memberId: target.member.id, taskId: task.id, level, ownJob });
    }
    if (lighter) await tx.profiles.upsert(ctx.workspace.id, lighter);
  });
  ctx.log.info({ targetId: target.member.id, tasks: unique.map((t) => t.key), level, learnsDropped: lighter !== null }, 'skills set');
  const s = ctx.t.coverage.skills;
  const changes = unique.map((task) => {
    const before = current.get(task.id) ?? null;
    return { task, before, after: { level, ownJob: before?.ownJob ?? false } };
  });
  const done = s.added(target.self, target.member.displayName, level, unique.map((t) => t.name));
  if (!profile || !lighter) return { text: done, changes };
  const wanted = new Set(profile.learns.map((x) => canonicalTopic(x, allTasks)));
  const dropped = learned.filter((t) => wanted.has(t.key));
  return { text: `${done} ${s.leftLearning(target.self, target.member.displayName, dropped.map((t) => t.name))}`, changes };
}

function ambiguousQuestion(ctx: HandlerContext, text: string, options: readonly Task[], action: (task: Task) => SkillsAction): Message {
  return message([
    section(ctx.t.coverage.skills.ambiguous(text)),
    actions(...options.slice(0, 5).map((task, i) => skillsButton(task.name, action(task), i))),
  ]);
}

function unknownTaskAnswer(ctx: HandlerContext, target: Target, text: string, suggestions: readonly Task[], level: SkillLevel): Message {
  const s = ctx.t.coverage.skills;
  const blocks: Block[] = [];
  const lines = [s.unknown(text)];
  if (suggestions.length > 0) {
    lines.push(s.didYouMean);
    blocks.push(section(lines.join(' ')));
    blocks.push(actions(...suggestions.map((task, i) => skillsButton(task.name, { do: 'set', m: target.member.id, t: task.id, l: level }, i))));
  }
  const name = text.trim();
  const canCreate = name.length <= MAX_TASK_NAME && taskKey(name) !== '' && refusePhi(ctx.t, name) === null;
  if (isManager(ctx.member) && canCreate) {
    if (suggestions.length === 0) blocks.push(section(`${lines.join(' ')} ${s.canAdd}`));
    blocks.push(actions(skillsButton(s.buttons.newTask(name), { do: 'newTask', m: target.member.id, n: name, l: level })));
  } else if (suggestions.length === 0) {
    blocks.push(section(`${lines.join(' ')} ${s.askManager}`));
  }
  return message(blocks);
}

// ---- skills remove ---------------------------------------------------------------------------

export async function removeSkills(ctx: HandlerContext, command: Extract<Command, { name: 'skills_remove' }>): Promise<Message[]> {
  const found = await targetOf(ctx, command.member);
  if (!found.ok) return found.reply;
  const { target } = found;
  const s = ctx.t.coverage.skills;
  const tasks = await tasksOf(ctx);
  const held = new Set((await ctx.deps.repos.skills.listForMember(ctx.workspace.id, target.member.id)).map((k) => k.taskId));
  const removing: Task[] = [];
  const notHeld: Task[] = [];
  const questions: Message[] = [];
  for (const text of command.tasks) {
    const result = matchTask(text, tasks);
    if (result.kind === 'match') {
      (held.has(result.task.id) ? removing : notHeld).push(result.task);
    } else if (result.kind === 'ambiguous') {
      // "remove billing" from someone who holds one billing task means that one.
      const options = result.options.filter((t) => held.has(t.id));
      const [only] = options;
      if (options.length === 1 && only) removing.push(only);
      else if (options.length === 0) questions.push(textMessage(s.noneHeldOf(text)));
      else questions.push(ambiguousQuestion(ctx, text, options, (t) => ({ do: 'unset', m: target.member.id, t: t.id })));
    } else {
      const suggestions = result.suggestions.filter((t) => held.has(t.id));
      questions.push(
        suggestions.length > 0
          ? message([
              section(`${s.unknown(text)} ${s.didYouMean}`),
              actions(...suggestions.map((t, i) => skillsButton(t.name, { do: 'unset', m: target.member.id, t: t.id }, i))),
            ])
          : textMessage(s.unknown(text)),
      );
    }
  }
  const replies: Message[] = [];
  if (removing.length > 0) replies.push(doneMessage(ctx, target, await unsetSkills(ctx, target, removing)));
  if (notHeld.length > 0) replies.push(textMessage(s.notHeld(target.self, target.member.displayName, notHeld.map((t) => t.name))));
  return [...replies, ...questions];
}

async function unsetSkills(ctx: HandlerContext, target: Target, tasks: readonly Task[]): Promise<Done> {
  const unique = [...new Map(tasks.map((t) => [t.id, t])).values()];
  const current = new Map((await ctx.deps.repos.skills.listForMember(ctx.workspace.id, target.member.id)).map((k) => [k.taskId, k]));
  await ctx.deps.repos.withTransaction(async (tx) => {
    for (const task of unique) await tx.skills.remove(ctx.workspace.id, target.member.id, task.id);
  });
  ctx.log.info({ targetId: target.member.id, tasks: unique.map((t) => t.key) }, 'skills removed');
  const changes = unique.map((task) => ({ task, before: current.get(task.id) ?? null, after: null }));
  return { text: ctx.t.coverage.skills.removed(target.self, target.member.displayName, unique.map((t) => t.name)), changes };
}

/**
 * Puts back what one answer changed, only if every task is still as that answer left it; otherwise
 * (pressed twice, or changed since) nothing changes.
 */
async function undoChange(ctx: HandlerContext, target: Target, codes: readonly string[], byId: ReadonlyMap<string, Task>): Promise<Message[]> {
  const s = ctx.t.coverage.skills;
  const current = new Map((await ctx.deps.repos.skills.listForMember(ctx.workspace.id, target.member.id)).map((k) => [k.taskId, k]));
  const steps = codes.map((code) => {
    const match = /^(.+):([nlteLTE])([nlteLTE])$/.exec(code);
    const task = match ? byId.get(match[1] ?? '') : undefined;
    const before = match ? markOf(match[2] ?? '') : undefined;
    const after = match ? markOf(match[3] ?? '') : undefined;
    return task && before !== undefined && after !== undefined ? { task, before, after } : null;
  });
  if (steps.some((x) => x === null)) return [textMessage(ctx.t.coverage.undo.nothing)];
  const valid = steps.filter((x): x is SkillChange => x !== null);
  if (valid.some((x) => !sameMark(current.get(x.task.id) ?? null, x.after))) return [textMessage(ctx.t.coverage.undo.nothing)];
  await ctx.deps.repos.withTransaction(async (tx) => {
    for (const { task, before } of valid) {
      if (before) await tx.skills.upsert(ctx.workspace.id, { memberId: target.member.id, taskId: task.id, ...before });
      else await tx.skills.remove(ctx.workspace.id, target.member.id, task.id);
    }
  });
  ctx.log.info({ targetId: target.member.id, tasks: valid.map((x) => x.task.key) }, 'skills change undone');
  return [replacing(textMessage(s.undone(target.self, target.member.displayName, valid.map((x) => x.task.name))))];
}

// ---- buttons and forms -----------------------------------------------------------------------

/** A skills button or form, its value read with `skillsActionSchema` (the feature declares it a typed action). */
export async function skillsAction(ctx: HandlerContext, action: SkillsAction, fields?: Record<string, string>): Promise<Message[]> {
  if (action.do === 'catalogueForm' || action.do === 'catalogueSubmit') {
    if (!isManager(ctx.member)) return [textMessage(ctx.t.coverage.skills.catalogue.managersOnly)];
    return action.do === 'catalogueForm' ? [await catalogueForm(ctx)] : catalogueSubmit(ctx, fields ?? {});
  }
  const found = await targetById(ctx, action.m);
  if (!found.ok) return found.reply;
  const { target } = found;
  const tasks = await tasksOf(ctx);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  switch (action.do) {
    case 'show':
      return [await skillsView(ctx, target)];
    case 'addForm':
      return [skillForm(ctx, target, 'add', tasks, [])];
    case 'removeForm':
    case 'ownForm': {
      const skills = await ctx.deps.repos.skills.listForMember(ctx.workspace.id, target.member.id);
      return [skillForm(ctx, target, action.do === 'ownForm' ? 'own' : 'remove', tasks, skills)];
    }
    case 'addSubmit':
    case 'removeSubmit':
    case 'ownSubmit': {
      const chosen = (fields?.tasks ?? '').split(',').flatMap((id) => byId.get(id.trim()) ?? []);
      if (action.do === 'ownSubmit') return [replacing(doneMessage(ctx, target, await setOwnJob(ctx, target, chosen)))];
      if (chosen.length === 0) return [textMessage(ctx.t.coverage.skills.chooseTask)];
      if (action.do === 'removeSubmit') return [replacing(doneMessage(ctx, target, await unsetSkills(ctx, target, chosen)))];
      const level = levelSchema.safeParse(fields?.level);
      return [replacing(doneMessage(ctx, target, await setLevel(ctx, target, chosen, level.success ? level.data : 'trained')))];
    }
    case 'set':
    case 'unset': {
      const task = byId.get(action.t);
      if (!task) return [textMessage(ctx.t.coverage.staleAction)];
      return [doneMessage(ctx, target, action.do === 'set' ? await setLevel(ctx, target, [task], action.l) : await unsetSkills(ctx, target, [task]))];
    }
    case 'undo':
      return undoChange(ctx, target, action.c, byId);
    case 'newTask':
      return newTask(ctx, target, action.n, action.l);
  }
}

function skillForm(ctx: HandlerContext, target: Target, kind: 'add' | 'remove' | 'own', tasks: readonly Task[], skills: readonly MemberSkill[]): Message {
  const f = ctx.t.coverage.skills.form;
  const name = new Map(tasks.map((t) => [t.id, t.name]));
  const m = target.member.id;
  if (kind === 'add') {
    return message([
      form({
        formId: ID,
        title: f.addTitle,
        submitLabel: f.save,
        value: value({ do: 'addSubmit', m }),
        inputs: [
          { type: 'input', name: 'tasks', label: f.tasks, kind: 'multiselect', options: tasks.map((t) => ({ label: t.name, value: t.id })) },
          {
            type: 'input',
            name: 'level',
            label: f.level,
            kind: 'select',
            initial: 'trained',
            hint: f.levelHint,
            options: SKILL_LEVELS.map((l) => ({ label: ctx.t.coverage.skills.level[l], value: l })),
          },
        ],
      }),
    ]);
  }
  const held = skills.filter((k) => name.has(k.taskId)).sort((a, b) => (name.get(a.taskId) ?? '').localeCompare(name.get(b.taskId) ?? ''));
  const options = held.map((k) => ({ label: name.get(k.taskId) ?? '', value: k.taskId }));
  if (options.length === 0) return textMessage(ctx.t.coverage.skills.empty(target.self, target.member.displayName));
  return message([
    form({
      formId: ID,
      title: kind === 'own' ? f.ownTitle : f.removeTitle,
      submitLabel: f.save,
      value: value({ do: kind === 'own' ? 'ownSubmit' : 'removeSubmit', m }),
      inputs: [
        kind === 'own'
          ? {
              type: 'input',
              name: 'tasks',
              label: f.ownTasks,
              kind: 'multiselect',
              optional: true,
              hint: f.ownHint,
              options,
              initial: held.filter((k) => k.ownJob).map((k) => k.taskId).join(','),
            }
          : { type: 'input', name: 'tasks', label: f.tasks, kind: 'multiselect', options },
      ],
    }),
  ]);
}

/** Exactly the chosen skills are the member's own job afterwards; levels do not change. */
async function setOwnJob(ctx: HandlerContext, target: Target, chosen: readonly Task[]): Promise<Done> {
  const wanted = new Set(chosen.map((t) => t.id));
  const skills = await ctx.deps.repos.skills.listForMember(ctx.workspace.id, target.member.id);
  await ctx.deps.repos.withTransaction(async (tx) => {
    for (const skill of skills) {
      const ownJob = wanted.has(skill.taskId);
      if (ownJob !== skill.ownJob) await tx.skills.upsert(ctx.workspace.id, { ...skill, ownJob });
    }
  });
  const names = chosen.filter((t) => skills.some((k) => k.taskId === t.id)).map((t) => t.name);
  const tasks = new Map((await ctx.deps.repos.tasks.list(ctx.workspace.id)).map((t) => [t.id, t]));
  const changes = skills.flatMap((skill) => {
    const task = tasks.get(skill.taskId);
    return task ? [{ task, before: skill, after: { level: skill.level, ownJob: wanted.has(skill.taskId) } }] : [];
  });
  return { text: ctx.t.coverage.skills.ownJobSet(target.self, target.member.displayName, names), changes };
}

/** A manager adds a task the catalogue did not have, then sets the skill that was asked for. */
async function newTask(ctx: HandlerContext, target: Target, rawName: string, level: SkillLevel): Promise<Message[]> {
  const s = ctx.t.coverage.skills;
  if (!isManager(ctx.member)) return [textMessage(s.catalogue.managersOnly)];
  const created = await createTask(ctx, rawName);
  if (!created.ok) return [created.reply];
  const done = await setLevel(ctx, target, [created.task], level);
  return [doneMessage(ctx, target, { ...done, text: `${s.taskCreated(created.task.name)} ${done.text}` })];
}

type Created = { ok: true; task: Task; existed: boolean } | { ok: false; reply: Message };
type ValidName = { ok: true; name: string; key: string } | { ok: false; reply: Message };

/** A new task's name, tidied, or the reason it cannot be one (patient information, too long, no letters). */
function validTaskName(ctx: HandlerContext, rawName: string): ValidName {
  const name = rawName.trim().replace(/\s+/g, ' ');
  const refusal = refusePhi(ctx.t, name);
  if (refusal) return { ok: false, reply: refusal };
  const key = taskKey(name);
  if (name.length > MAX_TASK_NAME || key === '') return { ok: false, reply: textMessage(ctx.t.coverage.skills.taskNameTooLong(MAX_TASK_NAME)) };
  return { ok: true, name, key };
}

async function createTask(ctx: HandlerContext, rawName: string): Promise<Created> {
  const valid = validTaskName(ctx, rawName);
  if (!valid.ok) return valid;
  const { name, key } = valid;
  const existing = (await tasksOf(ctx)).find((t) => t.key === key);
  if (existing) return { ok: true, task: existing, existed: true };
  const [task] = await ctx.deps.repos.tasks.ensure(ctx.workspace.id, [{ key, name }]);
  if (!task) return { ok: false, reply: textMessage(ctx.t.error.generic) };
  ctx.log.info({ taskId: task.id, key }, 'task added to the catalogue');
  return { ok: true, task, existed: false };
}

async function catalogueForm(ctx: HandlerContext): Promise<Message> {
  const c = ctx.t.coverage.skills.catalogue;
  const tasks = await tasksOf(ctx);
  return message([
    section(`**${c.title}**\n${tasks.map((t) => `• ${userText(t.name)}`).join('\n')}`),
    context(c.intro(tasks.length)),
    form({
      formId: ID,
      title: c.title,
      submitLabel: c.save,
      value: value({ do: 'catalogueSubmit' }),
      inputs: [
        { type: 'input', name: 'add', label: c.addLabel, kind: 'text', optional: true, hint: c.addHint },
        {
          type: 'input',
          name: 'remove',
          label: c.removeLabel,
          kind: 'multiselect',
          optional: true,
          hint: c.removeHint,
          options: tasks.map((t) => ({ label: t.name, value: t.id })),
        },
      ],
    }),
  ]);
}

async function catalogueSubmit(ctx: HandlerContext, fields: Record<string, string>): Promise<Message[]> {
  const c = ctx.t.coverage.skills.catalogue;
  const addName = (fields.add ?? '').trim();
  const tasks = await tasksOf(ctx);
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const removing = (fields.remove ?? '').split(',').flatMap((id) => byId.get(id.trim()) ?? []);
  if (!addName && removing.length === 0) return [textMessage(c.nothing)];
  // An empty list would be seeded with the defaults again on its next read.
  if (!addName && removing.length === tasks.length) return [textMessage(c.keepOne)];
  const lines: string[] = [];
  if (addName) {
    // Check the new name before removing anything, so a refused name changes nothing.
    const valid = validTaskName(ctx, addName);
    if (!valid.ok) return [valid.reply];
  }
  if (removing.length > 0) {
    await ctx.deps.repos.withTransaction(async (tx) => {
      for (const task of removing) await tx.tasks.remove(ctx.workspace.id, task.id);
    });
    ctx.log.info({ tasks: removing.map((t) => t.key) }, 'tasks removed from the catalogue');
    lines.push(c.removed(removing.map((t) => t.name)));
  }
  if (addName) {
    const created = await createTask(ctx, addName);
    if (!created.ok) return [created.reply];
    lines.unshift(created.existed ? c.exists(created.task.name) : c.added(created.task.name));
  }
  return [textMessage(lines.join(' '))];
}
