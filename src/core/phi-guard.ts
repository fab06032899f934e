// The one gate every stored free text passes: patient information is refused with a short explanation.
import type { Catalog } from './messages/catalog.ts';
import { textMessage } from './messages/build.ts';
import type { Message } from './messages/model.ts';
import { screenForPhi } from './phi.ts';

/** Null when `text` may be stored; otherwise the reply that explains why it was not. */
export function refusePhi(t: Catalog, ...texts: (string | null | undefined)[]): Message | null {
  const kinds = new Set(texts.flatMap((text) => {
    if (!text) return [];
    const screen = screenForPhi(text);
    return screen.ok ? [] : screen.kinds;
  }));
  if (kinds.size === 0) return null;
  const what = [...kinds].map((kind) => t.phi.kinds[kind]).join(', ');
  return textMessage(`${t.phi.refused} ${t.phi.found(what)} ${t.phi.retry}`);
}
