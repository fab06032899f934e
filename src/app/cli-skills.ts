// The CLI's skills data commands (import, export), wired into src/app/cli.ts.
import type { Command } from 'commander';

export function registerSkillsCommands(_program: Command, _fail: (err: unknown) => never): void {
  // Filled in by the skills feature.
}
