// The CLI's skills data commands, wired into src/app/cli.ts:
//   rounds export skills [--workspace platform:id] [--out FILE]
//   rounds import skills FILE.csv [--workspace platform:id] [--apply] [--add-tasks]
// The core plans the import (src/core/coverage/skills-csv.ts); this file only reads and writes files.
// Without --apply the import is a preview. Any problem: each is printed with its line, exit code 1, nothing changed.
import { readFile, writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import {
  applySkillsImport,
  changeText,
  exportSkillsCsv,
  planSkillsImportFromCsv,
  problemText,
} from '../core/coverage/ports.ts';
import { catalogFor } from '../core/messages/catalog.ts';
import { stripUserText } from '../core/messages/user-text.ts';
import { withWorkspace } from './cli-context.ts';

/** `export` and `import` are shared with the roster commands: whoever registers first creates them. */
function group(program: Command, name: string, description: string): Command {
  return program.commands.find((c) => c.name() === name) ?? program.command(name).description(description);
}

interface ExportOptions {
  workspace?: string;
  out?: string;
}

interface ImportOptions {
  workspace?: string;
  apply?: boolean;
  addTasks?: boolean;
}

export function registerSkillsCommands(program: Command, fail: (err: unknown) => never): void {
  group(program, 'export', 'write Rounds data as CSV')
    .command('skills')
    .description('the skills matrix: one row per member, one column per task (cells: learning, trained, expert; * = own job)')
    .option('--workspace <platform:id>', 'which workspace, e.g. local:demo or slack:T0123 (needed when there are several)')
    .option('--out <file>', 'write to this file instead of standard output')
    .action(async (opts: ExportOptions) => {
      await withWorkspace(opts.workspace, async ({ deps, workspace }) => {
        const csv = await exportSkillsCsv(deps, workspace);
        if (!opts.out) {
          process.stdout.write(csv);
          return;
        }
        await writeFile(opts.out, csv, 'utf8');
        const rows = deps.csv.parse(csv);
        const t = catalogFor(workspace.locale);
        process.stderr.write(`${stripUserText(t.coverage.csv.exported(rows.length - 1, (rows[0]?.length ?? 3) - 3, opts.out))}\n`);
      }).catch(fail);
    });

  group(program, 'import', 'read Rounds data from CSV')
    .command('skills <file>')
    .description('set skills from a CSV in the export format; shows the changes, saves them with --apply')
    .option('--workspace <platform:id>', 'which workspace, e.g. local:demo or slack:T0123 (needed when there are several)')
    .option('--apply', 'save the changes (without it, nothing is saved)')
    .option('--add-tasks', 'add columns that name no task to the task list instead of refusing them')
    .action(async (file: string, opts: ImportOptions) => {
      await (async () => {
        const text = await readFile(file, 'utf8');
        await withWorkspace(opts.workspace, async ({ deps, workspace }) => {
          const t = catalogFor(workspace.locale);
          const plan = await planSkillsImportFromCsv(deps, workspace, text, { addTasks: opts.addTasks === true });
          if (plan.problems.length > 0) {
            for (const problem of plan.problems) process.stderr.write(`${stripUserText(problemText(t, problem))}\n`);
            process.stderr.write(`${t.coverage.csv.problems(plan.problems.length)}\n`);
            process.exitCode = 1;
            return;
          }
          const out: string[] = [];
          if (plan.newTasks.length > 0) out.push(t.coverage.csv.newTasks(plan.newTasks.map((task) => task.name)));
          out.push(...plan.changes.map((change) => changeText(t, change)));
          const count = plan.changes.length + plan.newTasks.length;
          if (count === 0) out.push(t.coverage.csv.noChanges);
          else if (opts.apply) {
            await applySkillsImport(deps.repos, workspace.id, plan);
            out.push(t.coverage.csv.applied(count));
          } else out.push(t.coverage.csv.preview(count));
          process.stdout.write(`${stripUserText(out.join('\n'))}\n`);
        });
      })().catch(fail);
    });
}
