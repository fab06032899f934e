// The CLI's roster data commands (import, export), wired into src/app/cli.ts.
import type { Command } from 'commander';

export function registerRosterCommands(_program: Command, _fail: (err: unknown) => never): void {
  // Filled in by the roster feature.
}
