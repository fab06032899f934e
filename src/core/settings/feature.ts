// The settings feature (src/core/feature.ts): `settings` and its form `settings.save`.
import { z } from 'zod';
import { simple } from '../commands/grammar.ts';
import type { HandlerContext } from '../context.ts';
import type { Feature } from '../feature.ts';
import { formatDay } from '../time/days.ts';
import { actions, button, message, replacing, textMessage } from '../messages/build.ts';
import type { Message } from '../messages/model.ts';
import type { Workspace, WorkspaceSettings } from '../model.ts';
import { describeChanges, formValues, type PracticeSettings, readSubmission, settingsToken } from './form.ts';
import { holidaysAreSet } from './calendar.ts';
import { defaultHolidays } from './holidays.ts';
import { invalidMessage, savedMessage, settingsMessage } from './view.ts';
import { userText } from '../messages/user-text.ts';
import { readTypedJson } from '../text/clean.ts';

const practice = (workspace: Workspace): PracticeSettings => ({ timeZone: workspace.timeZone, settings: workspace.settings });

/** Today in the practice's zone, and January 1 of this year: holidays before it are not shown in the form. */
function practiceDays(ctx: HandlerContext): { today: string; fromDate: string } {
  const local = ctx.now.setZone(ctx.workspace.timeZone);
  return { today: local.toISODate() ?? '', fromDate: local.startOf('year').toISODate() ?? '' };
}

async function showSettings(ctx: HandlerContext): Promise<Message[]> {
  const { today, fromDate } = practiceDays(ctx);
  let current = practice(ctx.workspace);
  const notes: string[] = [];
  if (!holidaysAreSet(current.settings)) {
    // A new practice starts from the federal holidays of this year and the next; the manager edits from there.
    const holidays = defaultHolidays(today);
    const settings = {
      ...current.settings,
      holidays: holidays.map((h) => h.date),
      holidayNames: Object.fromEntries(holidays.map((h) => [h.date, h.name])),
      holidaysSet: true,
    };
    current = practice(await ctx.deps.repos.workspaces.updateSettings(ctx.workspace.id, settings));
    const year = Number(today.slice(0, 4));
    notes.push(ctx.t.settings.show.filledHolidays(`${year}–${year + 1}`));
    ctx.log.info({ holidays: holidays.length }, 'filled in the default holidays');
  }
  return [settingsMessage(ctx.t, current, today, formValues(current, fromDate), settingsToken(current), notes)];
}

/** A save whose holiday changes take more to write down than this has no Undo (a button's value must stay small). */
const MAX_UNDO_VALUE = 1500;
const MAX_HOLIDAY_UNDO = 100;
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** An Undo of a save's holiday changes: the dates it added, and the dates (with their names) it removed. */
const holidayUndoSchema = z.object({
  a: z.array(isoDate).max(MAX_HOLIDAY_UNDO),
  r: z.array(z.object({ d: isoDate, n: z.string().max(200) })).max(MAX_HOLIDAY_UNDO),
});
type HolidayUndo = z.infer<typeof holidayUndoSchema>;
const UNDO_PREFIX = 'undo-holidays:';

function holidayChanges(before: WorkspaceSettings, after: WorkspaceSettings): HolidayUndo {
  const kept = new Set(after.holidays);
  const had = new Set(before.holidays);
  return {
    a: after.holidays.filter((d) => !had.has(d)).sort(),
    r: before.holidays.filter((d) => !kept.has(d)).sort().map((d) => ({ d, n: before.holidayNames[d] ?? '' })),
  };
}

/**
 * Takes back one save's holiday changes (`settings.undo`), only while every date it added is still a
 * holiday and every date it removed still is not; other settings are left as they are.
 */
async function undoHolidays(ctx: HandlerContext, raw: string): Promise<Message[]> {
  const t = ctx.t.settings.undo;
  const undo = readTypedJson(holidayUndoSchema, raw);
  if (!undo) return [textMessage(ctx.t.coverage.staleAction)];
  const settings = ctx.workspace.settings;
  const now = new Set(settings.holidays);
  if (!undo.a.every((d) => now.has(d)) || undo.r.some((x) => now.has(x.d))) return [textMessage(ctx.t.coverage.undo.nothing)];
  const added = new Set(undo.a);
  const holidays = [...settings.holidays.filter((d) => !added.has(d)), ...undo.r.map((x) => x.d)].sort();
  const holidayNames = Object.fromEntries(Object.entries(settings.holidayNames).filter(([d]) => !added.has(d)));
  for (const { d, n } of undo.r) if (n) holidayNames[d] = n;
  await ctx.deps.repos.workspaces.updateSettings(ctx.workspace.id, { ...settings, holidays, holidayNames });
  ctx.log.info({ removed: undo.a.length, restored: undo.r.length }, 'holiday changes undone');
  const { today } = practiceDays(ctx);
  const day = (d: string, name: string | undefined) => `${formatDay(d, today, ctx.member.locale)}${name ? ` ${userText(name)}` : ''}`;
  const lines = [t.done];
  if (undo.a.length > 0) lines.push(t.removed(undo.a.map((d) => day(d, settings.holidayNames[d]))));
  if (undo.r.length > 0) lines.push(t.restored(undo.r.map((x) => day(x.d, x.n))));
  return [replacing(textMessage(lines.join('\n')))];
}

async function saveSettings(ctx: HandlerContext, token: string, fields?: Record<string, string>): Promise<Message[]> {
  if (token.startsWith(UNDO_PREFIX)) return undoHolidays(ctx, token.slice(UNDO_PREFIX.length));
  if (!fields) return showSettings(ctx);
  const { fromDate } = practiceDays(ctx);
  const current = practice(ctx.workspace);
  const currentToken = settingsToken(current);
  if (token !== '' && token !== currentToken) {
    const shown = await showSettings(ctx);
    return [textMessage(ctx.t.settings.stale), ...shown];
  }
  const read = readSubmission(ctx.t, fields, current, fromDate, { now: ctx.now.toISO() ?? '', timeZone: ctx.workspace.timeZone });
  if (!read.ok) return [invalidMessage(ctx.t, read.errors, read.redisplay, currentToken)];
  const changes = describeChanges(ctx.t, current, read.next, fromDate);
  if (changes.length === 0) {
    return [replacing(textMessage(ctx.t.settings.saved.nothing))];
  }
  const zoneChanged = read.next.timeZone !== current.timeZone;
  await ctx.deps.repos.workspaces.updateSettings(ctx.workspace.id, read.next.settings, zoneChanged ? read.next.timeZone : undefined);
  ctx.log.info({ changes: changes.length }, 'settings saved');
  const saved = savedMessage(ctx.t, changes);
  const holidays = holidayChanges(current.settings, read.next.settings);
  const value = `${UNDO_PREFIX}${JSON.stringify(holidays)}`;
  if (holidays.a.length + holidays.r.length === 0 || value.length > MAX_UNDO_VALUE) return [replacing(saved)];
  const label = changes.length > 1 ? ctx.t.settings.undo.button : ctx.t.buttons.undo;
  const undo = actions(button(label, 'settings.undo', value));
  return [replacing(message([...saved.blocks, undo]))];
}

const settings = simple({ name: 'settings' });

export const settingsFeature: Feature = {
  name: 'settings',
  commands: [
    {
      word: 'settings',
      starts: { settings, setting: settings, config: settings },
      names: ['settings'],
      audience: 'manager',
      help: { key: 'settings', placement: { group: 'manager', rank: 70 } },
      run: { settings: showSettings },
    },
  ],
  // The form's id is `settings.save`; a press without fields (an old button) shows the settings.
  // `settings.undo` takes back a save's holiday changes.
  actions: [{ prefix: 'settings', audience: 'manager', run: saveSettings }],
};
