// Comparing what people type with what is stored: "José", "jose" and " JOSE " are the same person.

/** Lowercase, accents removed, runs of white space as one space, trimmed. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
