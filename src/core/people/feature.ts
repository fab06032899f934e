// The people feature (src/core/feature.ts): the roster, roles, reporting lines and the import; snooze and opt-out;
// new hires; and the platform's directory (a person joining, changing or leaving).
import { read, simple } from '../commands/grammar.ts';
import type { Feature } from '../feature.ts';
import { availabilityAction, optIn, optOut, snooze, snoozeOff } from './availability.ts';
import { peopleHome } from './home.ts';
import { welcomeJoinedMember } from './joined.ts';
import { changeRole, confirmDeactivation, rosterAction, setReportingLine, showRoster } from './roster-commands.ts';
import { rosterImport } from './roster-import.ts';
import { directoryMemberLeft, upsertDirectoryMember } from './upsert-member.ts';

const snoozeOffWord = simple({ name: 'snooze_off' });
const optOutWord = simple({ name: 'optout' });
const optInWord = simple({ name: 'optin' });

export const peopleFeature: Feature = {
  name: 'people',
  commands: [
    {
      word: 'snooze',
      starts: {
        snooze: read.snooze,
        pause: read.snooze,
        mute: read.snooze,
        unsnooze: snoozeOffWord,
        unpause: snoozeOffWord,
        unmute: snoozeOffWord,
        resume: snoozeOffWord,
      },
      names: ['snooze', 'snooze_off'],
      audience: 'everyone',
      help: { key: 'snooze', placement: { group: 'staff', rank: 60 } },
      run: { snooze, snooze_off: snoozeOff },
    },
    // Explained by the snooze line.
    { word: 'optout', starts: { optout: optOutWord, unsubscribe: optOutWord }, names: ['optout'], audience: 'everyone', help: { key: 'snooze' }, run: { optout: optOut } },
    { word: 'optin', starts: { optin: optInWord, subscribe: optInWord }, names: ['optin'], audience: 'everyone', help: { key: 'snooze' }, run: { optin: optIn } },
    {
      word: 'welcome',
      starts: { welcome: read.welcome, onboard: read.welcome },
      names: ['welcome'],
      audience: 'manager',
      help: { key: 'welcome', placement: { group: 'manager', rank: 30 } },
    },
    {
      word: 'roster',
      starts: { roster: read.roster },
      names: ['roster_show', 'roster_role', 'roster_reports', 'roster_deactivate', 'roster_import'],
      audience: 'manager',
      help: { key: 'roster', placement: { group: 'manager', rank: 60 } },
      run: {
        roster_show: (ctx) => showRoster(ctx),
        roster_role: changeRole,
        roster_reports: setReportingLine,
        roster_deactivate: confirmDeactivation,
        roster_import: rosterImport,
      },
    },
  ],
  actions: [
    { prefix: 'roster', audience: 'manager', run: rosterAction },
    { prefix: 'snooze', audience: 'everyone', run: availabilityAction },
  ],
  // The full sync, a join, a profile edit and a departure all go through one rule (upsert-member.ts).
  directory: {
    joined: welcomeJoinedMember,
    changed: upsertDirectoryMember,
    left: directoryMemberLeft,
  },
  home: peopleHome,
  deliveryKinds: ['welcome', 'role_changed', 'pair_ended'],
};
