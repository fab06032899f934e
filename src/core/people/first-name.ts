// How Rounds calls a person in a message: their first name, or a title with their last name.
//
// Contract: the first word of the display name ("Emily Nguyen" → "Emily", "Mary Ann Lee" → "Mary": a
// two-word first name cannot be told from a middle name, so the first word it is). A leading title keeps
// the last name ("Dr. Sarah Patel" → "Dr. Patel", "dr James Wu" → "dr Wu"); a title alone stays as it is.
// "Last, First" reads the other way round ("Nguyen, Emily" → "Emily", "Patel, Dr. Sarah" → "Dr. Patel").
// A one-word name is itself; accents and case are kept; surrounding spaces are ignored; an empty name
// gives "". Pure.

const TITLE = /^(dr|dra|prof|mr|mrs|ms|mx)\.?$/i;

export function firstName(displayName: string): string {
  const words = displayName.trim().split(/\s+/).filter((w) => w.length > 0);
  const [first, second] = words;
  if (first === undefined) return '';
  if (TITLE.test(first)) return words.length > 1 ? `${first} ${words[words.length - 1]}` : first;
  if (first.length > 1 && first.endsWith(',') && second !== undefined) {
    return TITLE.test(second) ? `${second} ${first.slice(0, -1)}` : second;
  }
  return first;
}
