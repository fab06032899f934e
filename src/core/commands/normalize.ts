// Cleans what people type (Slack escapes, smart quotes, the `/rounds` prefix, punctuation, courtesy words) before the grammar reads it.

/**
 * Character-level fixes that keep line breaks (a pasted CSV needs them).
 * Slack escapes `&`, `<` and `>` in message text; phones turn quotes and dashes typographic.
 */
export function cleanCharacters(raw: string): string {
  return raw
    .replace(/\r\n?/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u00B4]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\u2026/g, '...')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000\t]/g, ' ')
    .replace(/[\u200B-\u200D\u2060\uFEFF]/g, '');
}

/** Removes how the command was addressed: `/rounds`, `rounds,`, or the bot's own mention in a channel. */
export function stripInvocation(text: string): string {
  let s = text.replace(/^\s+/, '');
  s = s.replace(/^<@[^>\s]+>[\s,:]*(?=\S)/, '');
  s = s.replace(/^@rounds\b[\s,:]*/i, '');
  s = s.replace(/^\/rounds(?=\s|$)\s*/i, '');
  s = s.replace(/^rounds[,:]\s*/i, '');
  s = s.replace(/^rounds\s+(?=\S)/i, '');
  return s;
}

const LEADING_COURTESY =
  /^(?:hey|hi|hello|hiya|yo|ok|okay|so|um+|uh+|please|pls|plz|kindly|excuse me|sorry|hey rounds|hi rounds|hello rounds|rounds)\b[\s,!.:-]*(?=\S)/i;
const LEADING_ASK = /^(?:can|could|would|will) you(?: please| pls| plz)?\s+(?=\S)/i;
const TRAILING_COURTESY = /[\s,]+(?:please|pls|plz|thanks|thank you|thx|ty|asap|thank u|thanks a lot|thanks so much)$/i;
const TRAILING_NOISE = /[\s?!.,;:~*_\u2026]+$|(?:\s|\p{Extended_Pictographic}|\p{Emoji_Modifier}|\uFE0F|\u200D)+$/u;

/** One line: whitespace collapsed, trailing punctuation, emoji, "please" and "thanks" removed. */
export function trimSentence(text: string): string {
  let s = text.replace(/\s+/g, ' ').trim();
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(TRAILING_NOISE, '').replace(TRAILING_COURTESY, '').trim();
    if (s === before) break;
  }
  return s;
}

/** Drops a greeting or "can you" in front of the request ("hey, can you show my skills"). */
export function dropCourtesy(text: string): string {
  let s = text;
  for (let i = 0; i < 4; i++) {
    const before = s;
    s = s.replace(LEADING_COURTESY, '').replace(LEADING_ASK, '').trim();
    if (s === before) break;
  }
  return trimSentence(s);
}

/** Two-word spellings of one-word commands, so the first word decides the command. */
export function joinCommandWords(text: string): string {
  return text
    .replace(/^check[\s-]?ins?\b/i, 'checkin')
    .replace(/^opt[\s-]?out\b/i, 'optout')
    .replace(/^opt[\s-]?in\b/i, 'optin')
    .replace(/^time[\s-]?off\b/i, 'timeoff')
    .replace(/^(?:out of (?:the )?office|o\.o\.o\.?)(?=\s|$)/i, 'ooo')
    .replace(/^sign[\s-]?up\b/i, 'optin');
}
