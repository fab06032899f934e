// The declared features put together (docs/architecture.md, Features): the parser's command words, the help,
// who may run what, the handlers, and the directory, scheduler and home contributions, each from one declaration.
import type { DeliveryKind } from './deliveries/kinds.ts';
import type { GrammarEntry, Vocabulary } from './commands/grammar.ts';
import type { CommandName } from './commands/types.ts';
import type {
  ActionDeclaration,
  CommandDeclaration,
  CommandHandlers,
  DirectoryHandlers,
  Feature,
  HelpKey,
  HelpPlacement,
  HomeSection,
} from './feature.ts';
import type { TouchpointRule, WakeupRule } from './schedule.ts';

/** The help lines of each list in order, and the usage line of each command word. */
export interface HelpTopics {
  staff: readonly HelpKey[];
  manager: readonly HelpKey[];
  byWord: ReadonlyMap<string, HelpKey>;
}

export interface FeatureSet {
  vocabulary: Vocabulary;
  help: HelpTopics;
  /** The declaration a command belongs to (its word, its audience). */
  commandOf(name: CommandName): CommandDeclaration | undefined;
  handlers: CommandHandlers;
  actionOf(prefix: string): ActionDeclaration | undefined;
  directory: readonly DirectoryHandlers[];
  touchpoints: readonly TouchpointRule[];
  wakeups: readonly WakeupRule[];
  /** Home sections, each place's in rank order. */
  home: readonly HomeSection[];
  deliveryKinds: readonly DeliveryKind[];
}

/** Puts the features together; a word, command, action prefix or delivery kind declared twice is a bug and throws. */
export function assembleFeatures(features: readonly Feature[]): FeatureSet {
  const declarations = features.flatMap((f) => (f.commands ?? []).map((c) => ({ feature: f.name, command: c })));
  const starts = new Map<string, GrammarEntry>();
  const byName = new Map<CommandName, CommandDeclaration>();
  const handlers: CommandHandlers = {};
  for (const { feature, command } of declarations) {
    if (!Object.hasOwn(command.starts, command.word)) throw new Error(`${feature}: the command word ${command.word} does not start its command`);
    for (const [word, entry] of Object.entries(command.starts)) {
      if (starts.has(word)) throw new Error(`${feature}: two commands start with the word ${word}`);
      starts.set(word, entry);
    }
    for (const name of command.names) {
      if (byName.has(name)) throw new Error(`${feature}: two features declare the command ${name}`);
      byName.set(name, command);
    }
    for (const [name, handler] of Object.entries(command.run ?? {})) {
      if (!command.names.includes(name as CommandName)) throw new Error(`${feature}: ${command.word} runs ${name}, which it does not declare`);
      Object.assign(handlers, { [name]: handler });
    }
  }
  const actions = new Map<string, ActionDeclaration>();
  for (const feature of features) {
    for (const action of feature.actions ?? []) {
      if (actions.has(action.prefix)) throw new Error(`${feature.name}: two features handle the action prefix ${action.prefix}`);
      actions.set(action.prefix, action);
    }
  }
  return {
    vocabulary: { starts, suggestions: declarations.map((d) => d.command.word) },
    help: helpTopics(declarations.map((d) => d.command)),
    commandOf: (name) => byName.get(name),
    handlers,
    actionOf: (prefix) => actions.get(prefix),
    directory: features.flatMap((f) => (f.directory ? [f.directory] : [])),
    touchpoints: features.flatMap((f) => f.schedule?.touchpoints ?? []),
    wakeups: features.flatMap((f) => f.schedule?.wakeups ?? []),
    home: features.flatMap((f) => f.home ?? []).sort((a, b) => a.rank - b.rank),
    deliveryKinds: uniqueKinds(features),
  };
}

function helpTopics(commands: readonly CommandDeclaration[]): HelpTopics {
  const listed = (group: HelpPlacement['group']) =>
    commands
      .flatMap((c) => (c.help.placement?.group === group ? [{ key: c.help.key, rank: c.help.placement.rank }] : []))
      .sort((a, b) => a.rank - b.rank)
      .map((x) => x.key);
  return { staff: listed('staff'), manager: listed('manager'), byWord: new Map(commands.map((c) => [c.word, c.help.key])) };
}

function uniqueKinds(features: readonly Feature[]): DeliveryKind[] {
  const kinds: DeliveryKind[] = [];
  for (const feature of features) {
    for (const kind of feature.deliveryKinds ?? []) {
      if (kinds.includes(kind)) throw new Error(`${feature.name}: two features declare the delivery kind ${kind}`);
      kinds.push(kind);
    }
  }
  return kinds;
}
