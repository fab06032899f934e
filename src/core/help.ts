// The help message (different for staff and managers) and the usage line of each command.
import type { Catalog } from './messages/catalog.ts';
import { context, divider, header, message, section } from './messages/build.ts';
import type { Message } from './messages/model.ts';

type HelpKey = keyof Catalog['help']['commands'];

// What works leads; `cover` ("coming soon") comes last until it is built.
const STAFF_TOPICS: HelpKey[] = ['out', 'checkin', 'mentor', 'skills', 'profile', 'snooze', 'cover', 'help'];
const MANAGER_TOPICS: HelpKey[] = ['pair', 'match', 'welcome', 'report', 'gaps', 'roster', 'settings'];

/** Which help line explains a command, by the command's first word. */
const TOPIC_BY_WORD: Record<string, HelpKey> = {
  help: 'help',
  snooze: 'snooze',
  optout: 'snooze',
  optin: 'snooze',
  profile: 'profile',
  skills: 'skills',
  out: 'out',
  cover: 'cover',
  checkin: 'checkin',
  mentor: 'mentor',
  pair: 'pair',
  match: 'match',
  welcome: 'welcome',
  report: 'report',
  gaps: 'gaps',
  roster: 'roster',
  settings: 'settings',
  status: 'status',
};

function line(t: Catalog, key: HelpKey): string {
  const [usage, what] = t.help.commands[key];
  return `**${usage}** — ${what}`;
}

export function helpMessage(t: Catalog, name: string, manager: boolean): Message {
  const blocks = [
    header(t.help.title),
    section(t.help.intro(name)),
    section(`**${t.help.staffHeading}**\n${STAFF_TOPICS.map((k) => `• ${line(t, k)}`).join('\n')}`),
  ];
  if (manager) {
    blocks.push(section(`**${t.help.managerHeading}**\n${MANAGER_TOPICS.map((k) => `• ${line(t, k)}`).join('\n')}`));
  }
  blocks.push(divider(), context(t.help.footer));
  return message(blocks);
}

/** The usage line of a command word, for "I need a bit more" answers. */
export function usageLine(t: Catalog, word: string): string {
  const key = TOPIC_BY_WORD[word.split('_')[0] ?? word] ?? 'help';
  return line(t, key);
}
