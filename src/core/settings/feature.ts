// The settings feature's handlers, registered in src/core/features.ts: `settings` and its form `settings.save`.
import { type BotOptions, refuseStaff } from '../bot.ts';
import { type HandlerContext, isManager } from '../context.ts';
import { replacing, textMessage } from '../messages/build.ts';
import type { Message } from '../messages/model.ts';
import type { Workspace } from '../model.ts';
import { describeChanges, formValues, type PracticeSettings, readSubmission, settingsToken } from './form.ts';
import { holidaysAreSet } from './calendar.ts';
import { defaultHolidays } from './holidays.ts';
import { invalidMessage, savedMessage, settingsMessage } from './view.ts';

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

async function saveSettings(ctx: HandlerContext, token: string, fields?: Record<string, string>): Promise<Message[]> {
  if (!isManager(ctx.member)) return [await refuseStaff(ctx, 'settings')];
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
  return [replacing(savedMessage(ctx.t, changes))];
}

export const settingsFeature: BotOptions = {
  commands: { settings: showSettings },
  // The form's id is `settings.save`; a press without fields (an old button) shows the settings.
  actions: { settings: saveSettings },
};
