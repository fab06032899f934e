// "Did you mean …?": the command word closest to a mistyped first word, by edit distance.

// Real words one letter away from a command: a sentence starting with them is not a typo.
const REAL_WORDS = new Set(['watch', 'catch', 'batch', 'patch', 'latch', 'hatch', 'math', 'cower', 'coven', 'poster', 'mentos', 'setting']);

/** A suggestion is for a short command, not for a sentence that happens to start near one. */
const MAX_WORDS = 6;

/**
 * Optimal-string-alignment distance: insertions, deletions, substitutions and
 * swaps of two neighbours ("hlep") each cost one.
 */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  const at = (i: number, j: number): number => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i < rows; i++) {
    const row = d[i];
    if (!row) continue;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      row[j] = best;
    }
  }
  return at(rows - 1, cols - 1);
}

/**
 * How far a typo may be from a command word. Short words get one edit and no plain
 * substitution, because "but", "put" and "our" are words, not typos of "out".
 */
function isCloseEnough(typed: string, word: string, distance: number): boolean {
  if (distance === 0) return false;
  if (word.length <= 4) {
    if (distance > 1) return false;
    const substitution = typed.length === word.length && !isSwap(typed, word);
    return !substitution;
  }
  return distance <= (word.length >= 7 ? 2 : 1);
}

function isSwap(a: string, b: string): boolean {
  const diff = [...a].flatMap((ch, i) => (ch === b[i] ? [] : [i]));
  const [i, j] = diff;
  return diff.length === 2 && i !== undefined && j === i + 1 && a[i] === b[j] && a[j] === b[i];
}

/** Which of `words` (the command words) a mistyped first word most likely meant, if any is close. */
export function suggestCommand(text: string, words: readonly string[]): string | undefined {
  const typedWords = text.trim().toLowerCase().split(/\s+/);
  const first = typedWords[0]?.replace(/[:,;]+$/, '') ?? '';
  if (typedWords.length > MAX_WORDS || !/^[a-z][a-z-]{1,15}$/.test(first) || REAL_WORDS.has(first)) return undefined;
  const typed = first.replace(/-/g, '');
  let best: { word: string; distance: number } | undefined;
  for (const word of words) {
    const distance = editDistance(typed, word);
    if (isCloseEnough(typed, word, distance) && (!best || distance < best.distance)) best = { word, distance };
  }
  return best?.word;
}
