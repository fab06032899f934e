// The contract a feature declares itself by (docs/architecture.md, Features): its command words, buttons and
// forms, directory events, scheduler rules, home sections and delivery kinds. src/core/feature-set.ts puts the
// declared features together; src/core/features.ts lists them.
import type { DeliveryKind } from './deliveries/kinds.ts';
import type { z } from 'zod';
import type { GrammarEntry } from './commands/grammar.ts';
import type { Command, CommandName } from './commands/types.ts';
import type { BotDeps, HandlerContext } from './context.ts';
import { textMessage } from './messages/build.ts';
import type { Catalog } from './messages/catalog.ts';
import type { Block, Field, Message } from './messages/model.ts';
import type { DirectoryUser, Workspace } from './model.ts';
import type { TouchpointRule, WakeupRule } from './schedule.ts';
import { readTypedJson } from './text/clean.ts';

/** Who may run a command or press a button: everyone, managers (and admins), or admins only. */
export type Audience = 'everyone' | 'manager' | 'admin';

/** A help line of the catalogue (`t.help.commands`). */
export type HelpKey = keyof Catalog['help']['commands'];

export type CommandOf<N extends CommandName> = Extract<Command, { name: N }>;
export type CommandHandler<N extends CommandName> = (ctx: HandlerContext, command: CommandOf<N>) => Promise<Message[]>;
export type CommandHandlers = { [N in CommandName]?: CommandHandler<N> };

/** Where a command's help line is shown: the list for everyone or the managers' list, at `rank` (lower first). */
export interface HelpPlacement {
  group: 'staff' | 'manager';
  rank: number;
}

/**
 * One command word and everything that hangs on it. `word` is what "did you mean" suggests, what a
 * refusal names ("*match* is for managers") and the word whose usage line a "bad arguments" answer shows.
 */
export interface CommandDeclaration {
  word: string;
  /** Every first word that starts it (`word` among them) and how the rest of the sentence is read. */
  starts: Readonly<Record<string, GrammarEntry>>;
  /** The commands those words can become; all of them share the audience. */
  names: readonly CommandName[];
  audience: Audience;
  /** The usage line explaining the word, and where the help lists it (not listed when absent). */
  help: { key: HelpKey; placement?: HelpPlacement };
  /** The handlers; a name without one is answered "not available yet". */
  run?: CommandHandlers;
}

export type ActionHandler = (ctx: HandlerContext, value: string, fields?: Record<string, string>) => Promise<Message[]>;

/**
 * The buttons and forms whose id starts with `prefix` and a dot (`settings.save`). A press by someone outside
 * the audience is refused as the command word `prefix` would be.
 */
export interface ActionDeclaration {
  prefix: string;
  audience: Audience;
  run: ActionHandler;
}

/**
 * Buttons whose value is JSON of one shape: the value is read with `value` (readTypedJson) before `run` sees it,
 * and an old or forged value gets the "this button has expired" answer.
 */
export function typedAction<V>(declaration: {
  prefix: string;
  audience: Audience;
  value: z.ZodType<V>;
  run: (ctx: HandlerContext, value: V, fields?: Record<string, string>) => Promise<Message[]>;
}): ActionDeclaration {
  const { prefix, audience, value, run } = declaration;
  return {
    prefix,
    audience,
    run: async (ctx, raw, fields) => {
      const read = readTypedJson(value, raw);
      return read === null ? [textMessage(ctx.t.coverage.staleAction)] : run(ctx, read, fields);
    },
  };
}

/** What a feature does when the platform's directory changes. */
export interface DirectoryHandlers {
  /** Somebody joined the workspace on the platform. */
  joined?: (deps: BotDeps, workspaceId: string, user: DirectoryUser) => Promise<unknown>;
  /** The directory shows this person now (a profile edit, or first contact). */
  changed?: (deps: BotDeps, workspace: Workspace, user: DirectoryUser) => Promise<unknown>;
  /** The person left the platform's workspace. */
  left?: (deps: BotDeps, workspace: Workspace, memberExternalId: string) => Promise<unknown>;
}

/** What is due at a scheduler tick (src/core/schedule.ts), and when it can fall due (for a moved clock). */
export interface ScheduleRules {
  touchpoints?: readonly TouchpointRule[];
  wakeups?: readonly WakeupRule[];
}

/**
 * A part of the member's home view, placed by `rank` (lower first) within its place: a `status` line under the
 * intro, the member's own `member` blocks, or `manager` figures in the program-health section managers see.
 */
export type HomeSection =
  | { place: 'status'; rank: number; line: (ctx: HandlerContext, today: string) => string | null }
  | { place: 'member'; rank: number; blocks: (ctx: HandlerContext, today: string) => Promise<Block[]> }
  | { place: 'manager'; rank: number; fields: (ctx: HandlerContext) => Promise<Field[]> };

export interface Feature {
  /** For messages about the registry itself ("two features handle …"). */
  name: string;
  commands?: readonly CommandDeclaration[];
  actions?: readonly ActionDeclaration[];
  directory?: DirectoryHandlers;
  schedule?: ScheduleRules;
  home?: readonly HomeSection[];
  /** The outbox kinds this feature records its deliveries under (docs/architecture.md, The outbox and its keys). */
  deliveryKinds?: readonly DeliveryKind[];
}
