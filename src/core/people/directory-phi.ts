// What the platform's directory says about a person, screened for patient information before Rounds keeps it.
//
// Contract: pure. Titles and teams are free text someone typed in the chat platform's profile, so they pass
// the same screen as a roster import; what fails is dropped (never stored, never logged), and the caller
// logs which fields and kinds were dropped. A name is a person's name, so only identifiers that are never
// part of one (a record number, a date of birth, a phone...) drop it; "Mrs. Lopez" as a profile name stays.
import type { DirectoryUser } from '../model.ts';
import { PHI_KINDS, type PhiKind, screenForPhi } from '../phi.ts';
import type { Logger } from '../infrastructure.ts';
import { cleanTyped } from '../text/clean.ts';

export interface ScreenedDirectoryUser {
  user: DirectoryUser;
  /** The fields dropped, in order, and the kinds found in them; both empty when nothing was. */
  dropped: ('displayName' | 'title' | 'team')[];
  kinds: PhiKind[];
}

const NAME_KINDS: ReadonlySet<PhiKind> = new Set(['patient_name', 'name_with_details']);

function screenDirectoryUser(listed: DirectoryUser): ScreenedDirectoryUser {
  const user = cleanDirectoryUser(listed);
  const screened: DirectoryUser = { ...user };
  const dropped: ScreenedDirectoryUser['dropped'] = [];
  const kinds = new Set<PhiKind>();
  for (const field of ['displayName', 'title', 'team'] as const) {
    const text = user[field];
    if (!text) continue;
    const screen = screenForPhi(text);
    if (screen.ok) continue;
    const found = field === 'displayName' ? screen.kinds.filter((kind) => !NAME_KINDS.has(kind)) : screen.kinds;
    if (found.length === 0) continue;
    dropped.push(field);
    for (const kind of found) kinds.add(kind);
    if (field === 'displayName') screened.displayName = '';
    else delete screened[field];
  }
  return { user: screened, dropped, kinds: PHI_KINDS.filter((kind) => kinds.has(kind)) };
}

/** Names, titles and teams with the characters nobody means to send removed, like everything typed. */
function cleanDirectoryUser(user: DirectoryUser): DirectoryUser {
  const cleaned: DirectoryUser = { ...user, displayName: cleanTyped(user.displayName) };
  if (user.title !== undefined) cleaned.title = cleanTyped(user.title);
  if (user.team !== undefined) cleaned.team = cleanTyped(user.team);
  return cleaned;
}

/** The directory entry as Rounds may keep it, cleaned; a warning names the fields dropped and why, never their text. */
export function keepableDirectoryUser(logger: Logger, workspaceId: string, user: DirectoryUser): DirectoryUser {
  const screened = screenDirectoryUser(user);
  if (screened.dropped.length > 0) {
    logger.warn(
      { workspaceId, externalId: user.externalId, fields: screened.dropped, kinds: screened.kinds },
      'directory profile looks like patient information; those fields were not kept',
    );
  }
  return screened.user;
}
