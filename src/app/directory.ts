// Bringing a workspace's whole directory in from its chat platform (new, changed and departed people), idempotently.
import type { BotDeps } from '../core/context.ts';
import type { Workspace } from '../core/model.ts';
import type { ChatPlatform } from '../core/chat-platform.ts';
import { syncDirectory } from '../core/people/ports.ts';

export async function syncWorkspaceDirectory(deps: BotDeps, workspace: Workspace, platform: ChatPlatform): Promise<void> {
  // syncDirectory logs what it changed.
  await syncDirectory(deps, workspace, await platform.listDirectory(workspace));
}
