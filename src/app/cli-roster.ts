// The CLI's roster data commands, wired into src/app/cli.ts: `rounds export roster` and `rounds import roster FILE.csv`.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { BotDeps } from '../core/context.ts';
import { catalogFor } from '../core/messages/catalog.ts';
import { stripUserText } from '../core/messages/user-text.ts';
import {
  announceImport,
  applyRosterText,
  canApply,
  importPreview,
  importResult,
  prepareRosterImport,
  writeRosterCsv,
} from '../core/people/ports.ts';
import type { Outbox } from '../core/infrastructure.ts';
import { ConfigError } from '../config.ts';
import { withWorkspace } from './cli-context.ts';

/** `rounds import …` and `rounds export …` are shared with the other data commands: find the group or start it. */
function commandGroup(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

/**
 * The command line sends nothing itself: what the core would send (a partner told their pair ended) is
 * recorded as a pending delivery, and the running Rounds's scheduler tick sends it.
 */
function recordingOutbox(deps: BotDeps): Outbox {
  return {
    async enqueue(item) {
      await deps.repos.deliveries.record(item, deps.clock.now().toISO() ?? '');
    },
  };
}

interface ImportOptions {
  workspace?: string;
  apply?: boolean;
}

interface ExportOptions {
  workspace?: string;
  out?: string;
}

export function registerRosterCommands(program: Command, fail: (err: unknown) => never): void {
  commandGroup(program, 'export', 'write data out as CSV')
    .command('roster')
    .description('the roster as CSV, one line per person (people who left too, with active=no)')
    .option('--workspace <platform:id>', 'which workspace, e.g. local:demo or slack:T0123 (needed when there are several)')
    .option('--out <file>', 'write to this file instead of the standard output')
    .action(async (opts: ExportOptions) => {
      try {
        await exportRoster(opts);
      } catch (err) {
        fail(err);
      }
    });

  commandGroup(program, 'import', 'read data from a CSV file')
    .command('roster')
    .description('preview a roster CSV (name,email,id,title,team,role,manager,time_zone,start_date,active); --apply applies it')
    .argument('<file>', 'the CSV file; its first line names the columns')
    .option('--workspace <platform:id>', 'which workspace, e.g. local:demo or slack:T0123 (needed when there are several)')
    .option('--apply', 'apply the changes, all in one transaction (without it, only the preview is printed)')
    .action(async (file: string, opts: ImportOptions) => {
      try {
        process.exitCode = await importRoster(file, opts);
      } catch (err) {
        fail(err);
      }
    });
}

async function exportRoster(opts: ExportOptions): Promise<void> {
  const csv = await withWorkspace(opts.workspace, async ({ deps, workspace }) =>
    writeRosterCsv(deps.csv, await deps.repos.members.list(workspace.id, { includeInactive: true })),
  );
  if (opts.out) {
    await writeFile(opts.out, csv, 'utf8');
    process.stderr.write(`rounds: wrote ${csv.trimEnd().split('\n').length - 1} people to ${opts.out}\n`);
  } else {
    process.stdout.write(csv);
  }
}

/** Prints the preview, or applies; the exit code is 1 when the file has problems (nothing is changed then). */
async function importRoster(file: string, opts: ImportOptions): Promise<number> {
  const text = await readFile(file, 'utf8').catch((err: unknown) => {
    throw new ConfigError(`cannot read ${file}: ${(err as Error).message}`);
  });
  return withWorkspace(opts.workspace, async ({ deps: base, workspace }) => {
    const deps: BotDeps = { ...base, outbox: recordingOutbox(base) };
    const t = catalogFor(workspace.locale);
    if (!opts.apply) {
      const prepared = await prepareRosterImport(deps.repos, deps.csv, workspace, text, null);
      return print(importPreview(t, prepared, { cli: true }).text, canApply(prepared));
    }
    const at = deps.clock.now().toISO() ?? '';
    const outcome = await deps.repos.withTransaction((tx) => applyRosterText(tx, deps.csv, workspace, text, null, at));
    if (!outcome.applied) return print(importPreview(t, outcome.prepared, { cli: true }).text, canApply(outcome.prepared));
    const told = await announceImport(deps, workspace, outcome.applied, null, at);
    return print(importResult(t, outcome.applied, told).text, true);
  });
}

function print(text: string, ok: boolean): number {
  (ok ? process.stdout : process.stderr).write(`${stripUserText(text)}\n`);
  return ok ? 0 : 1;
}
