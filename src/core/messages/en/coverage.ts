// English sentences of the coverage area: skills, the task list, time off, snooze and opt-out, and the skills CSV.
import { type Mentionable, mention } from '../inline.ts';
import { userText as u } from '../user-text.ts';

/** "A", "A and B", "A, B and C". */
function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const LEVEL_WORD = { learning: 'learning', trained: 'trained', expert: 'expert' } as const;
type Level = keyof typeof LEVEL_WORD;
/** "trained on X", "expert in X", "learning X". */
function levelPhrase(level: Level, tasks: string): string {
  if (level === 'learning') return `**learning** ${tasks}`;
  return level === 'expert' ? `**expert** in ${tasks}` : `**trained** on ${tasks}`;
}

export const coverage = {
  list,
  staleAction: "That button no longer works (it may be from an older message). Type **help** to see what I can do.",
  skills: {
    level: LEVEL_WORD,
    heading: { expert: 'Expert', trained: 'Trained (can cover)', learning: 'Learning' },
    title: (self: boolean, name: string) => (self ? 'Your skills' : `${u(name)}'s skills`),
    ownJob: 'own job',
    ownJobNote: (self: boolean) =>
      self ? '_own job_ marks your regular duties; the rest are tasks you can help with.' : '_own job_ marks their regular duties.',
    empty: (self: boolean, name: string) =>
      self
        ? 'You have no skills recorded yet. Try **skills add scheduling** or "I can do prior auths".'
        : `${u(name)} has no skills recorded yet.`,
    buttons: {
      add: 'Add skills',
      remove: 'Remove skills',
      own: (self: boolean) => (self ? 'Mark my own job' : 'Set own job'),
      catalogue: "Practice's task list",
      newTask: (name: string) => `Add “${u(name)}” to the practice's task list`,
    },
    form: {
      addTitle: 'Add or change skills',
      removeTitle: 'Remove skills',
      ownTitle: 'Own job',
      tasks: 'Tasks',
      level: 'Level',
      levelHint: 'Trained means you can cover it; expert means you could teach it.',
      ownTasks: 'My regular duties',
      ownHint: 'The tasks that are this person\'s own job. The others are tasks they can cover.',
      save: 'Save',
    },
    added: (self: boolean, name: string, level: Level, tasks: readonly string[]) =>
      self ? `Done: you're now ${levelPhrase(level, list(tasks.map(u)))}.` : `Done: ${u(name)} is now ${levelPhrase(level, list(tasks.map(u)))}.`,
    leftLearning: (self: boolean, name: string, tasks: readonly string[]) =>
      self
        ? `${list(tasks.map(u))} is off what you want to learn, so matching won't look for a mentor in it.`
        : `${list(tasks.map(u))} is off what ${u(name)} wants to learn, so matching won't look for a mentor in it.`,
    removed: (self: boolean, name: string, tasks: readonly string[]) =>
      self ? `Removed ${list(tasks.map(u))} from your skills.` : `Removed ${list(tasks.map(u))} from ${u(name)}'s skills.`,
    notHeld: (self: boolean, name: string, tasks: readonly string[]) =>
      self ? `You didn't have ${list(tasks.map(u))} in your skills.` : `${u(name)} didn't have ${list(tasks.map(u))} in their skills.`,
    undone: (self: boolean, name: string, tasks: readonly string[]) =>
      `Undone: ${self ? 'your' : `${u(name)}'s`} ${list(tasks.map(u))} ${tasks.length === 1 ? 'is' : 'are'} back as before.`,
    ownJobSet: (self: boolean, name: string, tasks: readonly string[]) =>
      tasks.length === 0
        ? self
          ? 'Noted: none of your skills is marked as your own job now.'
          : `Noted: none of ${u(name)}'s skills is marked as their own job now.`
        : self
          ? `Noted: your own job is ${list(tasks.map(u))}.`
          : `Noted: ${u(name)}'s own job is ${list(tasks.map(u))}.`,
    ambiguous: (text: string) => `"${u(text)}" could mean several tasks. Which one did you mean?`,
    unknown: (text: string) => `I don't know a task called "${u(text)}".`,
    didYouMean: 'Did you mean one of these?',
    askManager: "A manager can add it to the practice's task list.",
    canAdd: "You can add it to the practice's task list:",
    chooseTask: 'Please choose at least one task.',
    noneHeldOf: (text: string) => `None of your skills matches "${u(text)}".`,
    othersNeedManager: (name: string) =>
      `Only a manager can change or see ${u(name)}'s skills. You can change your own with **skills add …** and **skills remove …**.`,
    unknownMember: 'I could not find that person in Rounds any more.',
    taskCreated: (name: string) => `Added “${u(name)}” to the practice's task list.`,
    taskNameTooLong: (max: number) => `A task name can be at most ${max} characters. Could you shorten it?`,
    catalogue: {
      title: "The practice's task list",
      intro: (count: number) => `${count} tasks. Managers can add and remove tasks here.`,
      addLabel: 'New task',
      addHint: 'A short name, like "Telehealth setup". No patient information.',
      removeLabel: 'Remove tasks',
      removeHint: "Removing a task also removes everyone's level in it.",
      save: 'Save the task list',
      managersOnly: "Only managers can change the practice's task list.",
      nothing: 'Nothing to change: add a task name or choose tasks to remove.',
      keepOne: 'The task list needs at least one task. Add a new one before removing them all.',
      added: (name: string) => `Added “${u(name)}”.`,
      exists: (name: string) => `“${u(name)}” is already on the list.`,
      removed: (names: readonly string[]) => `Removed ${list(names.map(u))} (and everyone's level in ${names.length === 1 ? 'it' : 'them'}).`,
    },
  },
  timeOff: {
    part: { morning: 'morning', afternoon: 'afternoon' },
    recorded: (span: string) => `You're out ${span}. Enjoy!`,
    overlap: (existing: string) =>
      `You already have time off ${existing}, which overlaps those days, so I didn't record anything. ` +
      'Cancel that one first if you want to change it, then tell me the new dates.',
    gapIntro: "Heads-up: while you're out, nobody else trained is in for:",
    gapLine: (task: string, days: string) => `• **${u(task)}** — ${days}`,
    gapManagersTold: (names: string) => `I've let ${names} know.`,
    gapManager: (member: Mentionable, span: string) =>
      `Heads-up: ${mention(member)} will be out ${span}, and nobody else trained is in for:`,
    gapManagerFooter: 'Someone could cover after a quick cross-training, or the dates could move.',
    listTitle: 'Your time off',
    listEmpty: "You have no upcoming time off. Tell me, for example, **out Dec 20-24** or \"I'm out next friday\".",
    cancelButton: 'Cancel',
    confirmCancel: (span: string) => `Cancel your time off ${span}?`,
    confirmButton: (span: string) => `Cancel time off ${span}`,
    keepButton: 'Keep it',
    kept: (span: string) => `Kept your time off ${span}.`,
    cancelled: (span: string) => `Cancelled your time off ${span}.`,
    undone: (span: string) => `Undone: your time off ${span} is no longer recorded.`,
    ended: (span: string) => `Welcome back! I've shortened your time off to ${span}.`,
    withdrawnTold: (names: string) => `I've told ${names} that no cover is needed.`,
    withdrawn: (name: string, span: string) => `${u(name)}'s time off ${span} was cancelled; no cover needed.`,
    withdrawnEarly: (name: string, span: string, lastDay: string) =>
      `${u(name)} is back early: their time off ${span} ended ${lastDay}; no cover needed after that.`,
    cancelNone: 'You have no upcoming time off to cancel.',
    cancelWhich: 'Which time off should I cancel?',
    alreadyGone: 'That time off is not recorded any more: nothing to cancel.',
    nothingToUndo: 'That time off is not recorded any more (or has changed since), so there is nothing to undo.',
  },
  snooze: {
    done: (day: string) => `Got it: I'll stay quiet until ${day}. Type **snooze off** to hear from me sooner.`,
    today: 'That is today, so there is nothing to pause. Try **snooze until monday**.',
    stillOptedOut: "You've also left Rounds; type **optin** to rejoin.",
    notSnoozed: "You're not snoozed, so there is nothing to resume.",
    off: "Welcome back! I'll send your check-ins and reminders again.",
  },
  undo: {
    nothing: 'That has changed since (or was undone already), so there is nothing to undo.',
    snooze: "Undone: you're not snoozed any more.",
    snoozeBack: (day: string) => `Undone: I'm back to staying quiet until ${day}.`,
    optOut: "Undone: you're back in Rounds, with check-ins and introductions as before.",
    optIn: "Undone: you've left Rounds again. Type **optin** to come back.",
  },
  optout: {
    done:
      "You've left Rounds: no more check-ins, introductions or cover requests, and you won't be matched. " +
      'You can still message me any time. To come back, type **optin** or press the button.',
    already: "You've already left Rounds. To come back, type **optin**.",
    notOut: "You're already part of Rounds. To pause me for a while, try **snooze until monday**.",
    back: "Welcome back to Rounds! You'll get check-ins and introductions again.",
    stillSnoozed: (day: string) => `You're still snoozed until ${day}; type **snooze off** to resume sooner.`,
  },
  csv: {
    atLine: (line: number, text: string) => `line ${line}: ${u(text)}`,
    unreadable: (detail: string) => `this is not valid CSV (${detail}).`,
    empty: 'the file is empty; it needs a header row like "member,id,email,Scheduling,…".',
    noIdentity: 'the header needs a "member", "id" or "email" column to know whose row is whose.',
    blankColumn: (n: number) => `column ${n} of the header has no name.`,
    duplicateColumn: (name: string) => `the column "${u(name)}" appears twice.`,
    unknownTask: (name: string, suggestion?: string) =>
      suggestion
        ? `no task called "${u(name)}" (did you mean "${u(suggestion)}"?). Use --add-tasks to add it to the task list.`
        : `no task called "${u(name)}". Use --add-tasks to add it to the task list.`,
    phiTaskName: (name: string) => `the column "${u(name)}" looks like it contains patient information; it can't become a task.`,
    longTaskName: (name: string, max: number) => `the column "${u(name)}" is longer than ${max} characters.`,
    cellCount: (found: number, expected: number) => `this row has ${found} cells but the header has ${expected}.`,
    unknownMember: (who: string) => (who ? `no active member "${u(who)}".` : 'the row does not say whose it is.'),
    duplicateMember: (who: string, firstLine: number) => `"${u(who)}" already has a row (line ${firstLine}).`,
    badLevel: (column: string, value: string) =>
      `"${u(value)}" under "${u(column)}" is not a level: write learning, trained or expert (add * for their own job), or leave it empty.`,
    change: (line: number, member: string, task: string, before: string, after: string) =>
      `line ${line}: ${u(member)} · ${u(task)}: ${before} → ${after}`,
    none: 'none',
    ownJobNote: '(own job)',
    newTasks: (names: readonly string[]) => `New tasks: ${names.map(u).join(', ')}`,
    noChanges: 'No changes: Rounds already matches this file.',
    preview: (n: number) => `${n} change${n === 1 ? '' : 's'}. Nothing is saved yet: run again with --apply to save ${n === 1 ? 'it' : 'them'}.`,
    applied: (n: number) => `Saved ${n} change${n === 1 ? '' : 's'}.`,
    problems: (n: number) => `${n} problem${n === 1 ? '' : 's'} found; nothing was changed.`,
    exported: (members: number, tasks: number, file: string) => `Wrote ${members} members × ${tasks} tasks to ${file}.`,
  },
};
