// The people feature's handlers, registered in src/core/features.ts: the roster, roles, reporting lines, the import, and snooze / opt-out.
import type { BotOptions } from '../bot.ts';
import { availabilityAction, optIn, optOut, snooze, snoozeOff } from './availability.ts';
import { changeRole, confirmDeactivation, rosterAction, setReportingLine, showRoster } from './roster-commands.ts';
import { rosterImport } from './roster-import.ts';

export { syncDirectory } from './directory-sync.ts';

export const peopleFeature: BotOptions = {
  commands: {
    roster_show: (ctx) => showRoster(ctx),
    roster_role: changeRole,
    roster_reports: setReportingLine,
    roster_deactivate: confirmDeactivation,
    roster_import: rosterImport,
    snooze,
    snooze_off: snoozeOff,
    optout: optOut,
    optin: optIn,
  },
  actions: { roster: rosterAction, snooze: availabilityAction },
};
