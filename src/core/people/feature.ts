// The people feature's handlers, registered in src/core/features.ts: the roster, roles, reporting lines and the import.
import type { BotOptions } from '../bot.ts';
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
  },
  actions: { roster: rosterAction },
};
