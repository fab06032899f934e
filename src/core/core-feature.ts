// The core's own commands, declared like any feature's (docs/architecture.md, Features): `help` (and its button) and `status`.
import { simple } from './commands/grammar.ts';
import { type HandlerContext, isManager } from './context.ts';
import type { Feature } from './feature.ts';
import { helpMessage } from './help.ts';
import type { Message } from './messages/model.ts';
import { statusFigures, statusMessage } from './status.ts';

async function showHelp(ctx: HandlerContext): Promise<Message[]> {
  return [helpMessage(ctx.t, ctx.member.displayName, isManager(ctx.member), ctx.help)];
}

async function showStatus(ctx: HandlerContext): Promise<Message[]> {
  return [statusMessage(ctx.t, await statusFigures(ctx.deps, [ctx.workspace.id], ctx.now))];
}

const help = simple({ name: 'help' });

export const coreFeature: Feature = {
  name: 'core',
  commands: [
    {
      word: 'help',
      starts: { help, '?': help, hi: help, hello: help, hey: help, hiya: help, howdy: help, halp: help, commands: help, menu: help },
      names: ['help'],
      audience: 'everyone',
      help: { key: 'help', placement: { group: 'staff', rank: 80 } },
      run: { help: showHelp },
    },
    {
      // About Rounds itself rather than the practice: admins only.
      word: 'status',
      starts: { status: simple({ name: 'status' }) },
      names: ['status'],
      audience: 'admin',
      help: { key: 'status' },
      run: { status: showStatus },
    },
  ],
  // `help.show`: the Help button of a "did you mean" answer.
  actions: [{ prefix: 'help', audience: 'everyone', run: (ctx) => showHelp(ctx) }],
};
