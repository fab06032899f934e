// The bot core: createBot(deps, features).handle(event) turns an inbound event into replies and outbox deliveries.
// It knows no feature: what each does comes from its declaration (src/core/feature.ts), handed in by the wiring.
import { refusalFor } from './access.ts';
import { parseCommand } from './commands/parser.ts';
import type { CommandName, ParseFailure } from './commands/types.ts';
import { type BotDeps, type HandlerContext, isManager } from './context.ts';
import type { InboundEvent } from './events.ts';
import type { CommandHandler, Feature } from './feature.ts';
import { assembleFeatures, type FeatureSet } from './feature-set.ts';
import { helpMessage, usageLine } from './help.ts';
import { buildHome } from './home.ts';
import { actions, button, message, section, textMessage } from './messages/build.ts';
import { catalogFor } from './messages/catalog.ts';
import type { Message } from './messages/model.ts';
import type { Member, Workspace } from './model.ts';
import { cleanFields, cleanTyped } from './text/clean.ts';

export type { BotDeps } from './context.ts';

/** The word a member typed to run a command, for answers like "*match* is for managers". */
function commandWord(set: FeatureSet, name: CommandName): string {
  return set.commandOf(name)?.word ?? name.split('_')[0] ?? name;
}

export interface Bot {
  handle(event: InboundEvent): Promise<Message[]>;
  /** The member's home view (Slack App Home). */
  home(workspaceId: string, memberExternalId: string): Promise<Message[]>;
}

export function createBot(deps: BotDeps, features: readonly Feature[]): Bot {
  const set = assembleFeatures(features);

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
      help: set.help,
    };
  }

  async function runCommand(ctx: HandlerContext, text: string): Promise<Message[]> {
    const parsed = parseCommand(text, { now: ctx.now.toISO() ?? '', timeZone: ctx.member.timeZone }, set.vocabulary);
    if (!parsed.ok) return explainFailure(ctx, parsed);
    const command = parsed.command;
    const word = commandWord(set, command.name);
    const refusal = await refusalFor(ctx, set.commandOf(command.name)?.audience ?? 'everyone', word);
    if (refusal) return [refusal];
    const handler = set.handlers[command.name] as CommandHandler<typeof command.name> | undefined;
    if (!handler) return [textMessage(ctx.t.notYet(word))];
    return handler(ctx, command);
  }

  async function runAction(ctx: HandlerContext, id: string, value: string, fields?: Record<string, string>) {
    const prefix = id.split('.')[0] ?? id;
    const action = set.actionOf(prefix);
    if (!action) {
      ctx.log.warn({ actionId: id }, 'unknown action');
      return [textMessage(ctx.t.unknown.notUnderstood), helpMessage(ctx.t, ctx.member.displayName, isManager(ctx.member), set.help)];
    }
    const refusal = await refusalFor(ctx, action.audience, prefix);
    if (refusal) return [refusal];
    return action.run(ctx, value, fields);
  }

  return {
    async home(workspaceId, memberExternalId) {
      const ctx = await contextFor(workspaceId, memberExternalId);
      return ctx ? buildHome(ctx, set.home) : [];
    },
    async handle(event) {
      if (event.type === 'member_joined') {
        // The user is cleaned with every directory entry, by the handler.
        for (const handlers of set.directory) await handlers.joined?.(deps, event.workspaceId, event.user);
        return [];
      }
      if (event.type === 'member_changed' || event.type === 'member_left') {
        const workspace = await deps.repos.workspaces.get(event.workspaceId);
        if (!workspace) deps.logger.warn({ workspaceId: event.workspaceId, type: event.type }, 'directory event for an unknown workspace');
        else await directoryChanged(set, deps, workspace, event);
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

type DirectoryEvent = Extract<InboundEvent, { type: 'member_changed' | 'member_left' }>;

/** Hands a directory change to every feature that declares a handler for it, in the registry's order. */
async function directoryChanged(set: FeatureSet, deps: BotDeps, workspace: Workspace, event: DirectoryEvent): Promise<void> {
  for (const handlers of set.directory) {
    if (event.type === 'member_changed') await handlers.changed?.(deps, workspace, event.user);
    else await handlers.left?.(deps, workspace, event.memberExternalId);
  }
}

function explainFailure(ctx: HandlerContext, failure: ParseFailure): Message[] {
  const { t } = ctx;
  const help = helpMessage(t, ctx.member.displayName, isManager(ctx.member), ctx.help);
  switch (failure.reason) {
    case 'unknown':
      if (failure.suggestion) {
        return [
          message([
            section(`${t.unknown.didYouMean(failure.suggestion)}\n${usageLine(t, failure.suggestion, ctx.help)}`),
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
      return [textMessage(`${t.badArgs.intro(failure.command)}\n${usageLine(t, failure.command, ctx.help)}`)];
  }
}
