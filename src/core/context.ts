// What every handler gets: the dependencies, who is asking, in which workspace, and when.
import type { SystemInfo } from './status.ts';
import type { DateTime } from 'luxon';
import type { HelpTopics } from './feature-set.ts';
import type { Catalog } from './messages/catalog.ts';
import type { Member, Workspace } from './model.ts';
import type { Clock, CsvCodec, Logger, Outbox } from './infrastructure.ts';
import type { Repositories } from './repositories.ts';

export interface BotDeps {
  repos: Repositories;
  outbox: Outbox;
  clock: Clock;
  logger: Logger;
  csv: CsvCodec;
  /** What the running process knows about itself (platforms, scheduler), for `status`. */
  system?: SystemInfo;
}

export interface HandlerContext {
  deps: BotDeps;
  workspace: Workspace;
  member: Member;
  now: DateTime;
  t: Catalog;
  log: Logger;
  /** The help lines of the features this bot runs, for the help message. */
  help: HelpTopics;
}

export function isManager(member: Member): boolean {
  return member.role === 'manager' || member.role === 'admin';
}
