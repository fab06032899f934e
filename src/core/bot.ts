// The bot core: createBot(deps).handle(event) turns an inbound event into replies and outbox deliveries.
import { parseCommand } from './commands/parser.ts';
import type { Command, CommandName, ParseFailure } from './commands/types.ts';
import { type BotDeps, type HandlerContext, isManager } from './context.ts';
import type { InboundEvent } from './events.ts';
import { helpMessage, usageLine } from './help.ts';
import { buildHome } from './home.ts';
import { actions, button, message, section, textMessage } from './messages/build.ts';
import { catalogFor } from './messages/catalog.ts';
import type { Message } from './messages/model.ts';
import type { Member, Workspace } from './model.ts';
import { audienceFor, leadersOf } from './people/audience.ts';
import { directoryMemberLeft, upsertDirectoryMember } from './people/upsert-member.ts';
import { welcomeJoinedMember } from './people/joined.ts';
import { statusFigures, statusMessage } from './status.ts';
import { cleanFields, cleanTyped } from './text/clean.ts';

export type { BotDeps } from './context.ts';

type CommandOf<N extends CommandName> = Extract<Command, { name: N }>;
type CommandHandler<N extends CommandName> = (ctx: HandlerContext, command: CommandOf<N>) => Promise<Message[]>;
export type CommandHandlers = { [N in CommandName]?: CommandHandler<N> };

export type ActionHandler = (ctx: HandlerContext, value: string, fields?: Record<string, string>) => Promise<Message[]>;
/** Actions and forms by id prefix (the part before the first '.'), e.g. `help.show`. */
export type ActionHandlers = Record<string, ActionHandler>;

const MANAGER_COMMANDS = new Set<CommandName>([
  'pair',
  'match',
  'welcome',
  'report',
  'gaps',
  'roster_show',
  'roster_role',
  'roster_reports',
  'roster_deactivate',
  'roster_import',
  'settings',
]);

/** Commands about Rounds itself rather than the practice: admins only. */
const ADMIN_COMMANDS = new Set<CommandName>(['status']);

/** The words a member typed to run a command, for answers like "*match* is for managers". */
export function commandWord(name: CommandName): string {
  const base = name.split('_')[0] ?? name;
  return base;
}

export interface Bot {
  handle(event: InboundEvent): Promise<Message[]>;
  /** The member's home view (Slack App Home). */
  home(workspaceId: string, memberExternalId: string): Promise<Message[]>;
}

export interface BotOptions {
  commands?: CommandHandlers;
  actions?: ActionHandlers;
}

export function createBot(deps: BotDeps, options: BotOptions = {}): Bot {
  const commands: CommandHandlers = { help: showHelp, status: showStatus, ...options.commands };
  const actionHandlers: ActionHandlers = { help: (ctx) => showHelp(ctx), ...options.actions };

  async function contextFor(workspaceId: string, memberExternalId: string): Promise<HandlerContext | null> {
    const workspace = await deps.repos.workspaces.get(workspaceId);
    if (!workspace) return null;
    const member = await deps.repos.members.findByExternal(workspaceId, memberExternalId);
    // Someone who left (deactivated) is not served: no commands, no manager rights.
    if (!member || !member.active) return null;
    return makeContext(workspace, member);
  }

  function makeContext(workspace: Workspace, member: Member): HandlerContext {
    return {
      deps,
      workspace,
      member,
      now: deps.clock.now(),
      t: catalogFor(member.locale),
      log: deps.logger.child({ workspaceId: workspace.id, memberId: member.id }),
    };
  }

  async function runCommand(ctx: HandlerContext, text: string): Promise<Message[]> {
    const parsed = parseCommand(text, { now: ctx.now.toISO() ?? '', timeZone: ctx.member.timeZone });
    if (!parsed.ok) return explainFailure(ctx, parsed);
    const command = parsed.command;
    if (MANAGER_COMMANDS.has(command.name) && !isManager(ctx.member)) {
      return [await refuseStaff(ctx, command.name)];
    }
    if (ADMIN_COMMANDS.has(command.name) && ctx.member.role !== 'admin') {
      if (!isManager(ctx.member)) return [await refuseStaff(ctx, command.name)];
      const admins = await ctx.deps.repos.members.listByRole(ctx.workspace.id, ['admin']);
      return [textMessage(ctx.t.adminsOnly(commandWord(command.name), admins.map((m) => m.displayName)))];
    }
    const handler = commands[command.name] as CommandHandler<typeof command.name> | undefined;
    if (!handler) return [textMessage(ctx.t.notYet(commandWord(command.name)))];
    return handler(ctx, command);
  }

  async function runAction(ctx: HandlerContext, id: string, value: string, fields?: Record<string, string>) {
    const prefix = id.split('.')[0] ?? id;
    const handler = actionHandlers[prefix];
    if (!handler) {
      ctx.log.warn({ actionId: id }, 'unknown action');
      return [textMessage(ctx.t.unknown.notUnderstood), helpMessage(ctx.t, ctx.member.displayName, isManager(ctx.member))];
    }
    return handler(ctx, value, fields);
  }

  return {
    async home(workspaceId, memberExternalId) {
      const ctx = await contextFor(workspaceId, memberExternalId);
      return ctx ? buildHome(ctx) : [];
    },
    async handle(event) {
      if (event.type === 'member_joined') {
        await welcomeJoinedMember(deps, event.workspaceId, event.user); // cleaned with every directory entry
        return [];
      }
      if (event.type === 'member_changed' || event.type === 'member_left') {
        const workspace = await deps.repos.workspaces.get(event.workspaceId);
        if (!workspace) deps.logger.warn({ workspaceId: event.workspaceId, type: event.type }, 'directory event for an unknown workspace');
        else if (event.type === 'member_changed') await upsertDirectoryMember(deps, workspace, event.user);
        else await directoryMemberLeft(deps, workspace, event.memberExternalId);
        return [];
      }
      const ctx = await contextFor(event.workspaceId, event.memberExternalId);
      if (!ctx) {
        deps.logger.warn({ workspaceId: event.workspaceId, type: event.type }, 'event from an unknown member');
        return [textMessage(catalogFor('en').error.unknownMember)];
      }
      switch (event.type) {
        case 'command':
          return runCommand(ctx, cleanTyped(event.text));
        case 'action':
          return runAction(ctx, event.actionId, cleanTyped(event.value));
        case 'form':
          return runAction(ctx, event.formId, cleanTyped(event.value), cleanFields(event.fields));
      }
    },
  };
}

async function showStatus(ctx: HandlerContext): Promise<Message[]> {
  return [statusMessage(ctx.t, await statusFigures(ctx.deps, [ctx.workspace.id], ctx.now))];
}

async function showHelp(ctx: HandlerContext): Promise<Message[]> {
  return [helpMessage(ctx.t, ctx.member.displayName, isManager(ctx.member))];
}

function explainFailure(ctx: HandlerContext, failure: ParseFailure): Message[] {
  const { t } = ctx;
  const help = helpMessage(t, ctx.member.displayName, isManager(ctx.member));
  switch (failure.reason) {
    case 'unknown':
      if (failure.suggestion) {
        return [
          message([
            section(`${t.unknown.didYouMean(failure.suggestion)}\n${usageLine(t, failure.suggestion)}`),
            actions(button(t.buttons.help, 'help.show', '')),
          ]),
        ];
      }
      return [textMessage(`${t.unknown.notUnderstood} ${t.unknown.tryHelp}`), help];
    case 'bad_date':
      return [
        textMessage(failure.detail === 'no_such_date' && failure.nonexistent ? t.noSuchDate(failure.nonexistent) : t.badDate[failure.detail]),
      ];
    case 'bad_args':
      return [textMessage(`${t.badArgs.intro(failure.command)}\n${usageLine(t, failure.command)}`)];
  }
}

/** The polite refusal a staff member gets for a manager command (or button), naming who can run it. */
export async function refuseStaff(ctx: HandlerContext, name: CommandName): Promise<Message> {
  // Who can run it: the asker's own manager first, then the admins (or, with no admin, other managers); three at most.
  const told = audienceFor(ctx.member, await leadersOf(ctx), { reach: 'manager-and-admins', fallBackToManagers: true, limit: 3 });
  const who = told.map((m) => ({ name: m.displayName, yours: m.id === ctx.member.managerId }));
  return textMessage(ctx.t.managersOnly(commandWord(name), who));
}
