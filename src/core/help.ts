// The help message (different for staff and managers) and the usage line of each command, from the lines the features declare.
import type { HelpKey } from './feature.ts';
import type { HelpTopics } from './feature-set.ts';
import type { Catalog } from './messages/catalog.ts';
import { context, divider, header, message, section } from './messages/build.ts';
import type { Message } from './messages/model.ts';

function line(t: Catalog, key: HelpKey): string {
  const [usage, what] = t.help.commands[key];
  return `**${usage}** — ${what}`;
}

export function helpMessage(t: Catalog, name: string, manager: boolean, topics: HelpTopics): Message {
  const blocks = [
    header(t.help.title),
    section(t.help.intro(name)),
    section(`**${t.help.staffHeading}**\n${topics.staff.map((k) => `• ${line(t, k)}`).join('\n')}`),
  ];
  if (manager) {
    blocks.push(section(`**${t.help.managerHeading}**\n${topics.manager.map((k) => `• ${line(t, k)}`).join('\n')}`));
  }
  blocks.push(divider(), context(t.help.footer));
  return message(blocks);
}

/** The usage line of a command word, for "I need a bit more" answers. */
export function usageLine(t: Catalog, word: string, topics: HelpTopics): string {
  const key = topics.byWord.get(word.split('_')[0] ?? word) ?? 'help';
  return line(t, key);
}
