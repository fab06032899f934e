// Message text as structure: the core writes a small CommonMark subset, parsed here once into inline nodes that
// every renderer walks (docs/architecture.md, Messages). Text a person typed is never parsed: it arrives as a
// `userText` span and leaves as plain text nodes.
//
// The core's text format:
// - Inline CommonMark: `**strong**`, `_emphasis_`, `` `code` ``, `[label](https://…)`.
// - A member mention is `mention(member)`: a link to `member:<member id>`, labelled with the display name.
// - Lines are lines: every line break is kept. A blank line starts a new paragraph.
// - A line starting with "• " is a list item; consecutive items form one list.
// Nothing else is markup: no headings, quotes, HTML, code blocks, entities or bare autolinks.
import { fromMarkdown } from 'mdast-util-from-markdown';
import type { PhrasingContent } from 'mdast';
import { userText, userTextPieces } from './user-text.ts';

export type Inline =
  /** `typed`: text a person typed (or a directory supplied), never read as markup. */
  | { type: 'text'; text: string; typed?: true }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; url: string; children: Inline[] }
  | { type: 'mention'; memberId: string; label: string }
  | { type: 'break' };

/** A paragraph or a list; `spaced` when a blank line stands before it. */
export type RichBlock =
  | { type: 'paragraph'; children: Inline[]; spaced?: true }
  | { type: 'list'; items: Inline[][]; spaced?: true };

export type Rich = RichBlock[];

const MENTION_SCHEME = 'member:';
const BULLET = /^[ \t]*•[ \t]+/;
const SAFE_LINK = /^(?:https?:\/\/|mailto:)/i;

/** Everything CommonMark would read beyond inline markup: off, so only the format above is markup. */
const DISABLED = [
  'autolink',
  'blockQuote',
  'characterReference',
  'codeFenced',
  'codeIndented',
  'definition',
  'hardBreakEscape',
  'headingAtx',
  'htmlFlow',
  'htmlText',
  'labelStartImage',
  'list',
  'setextUnderline',
  'thematicBreak',
];
const OPTIONS = { extensions: [{ disable: { null: DISABLED } }] };

/** A member as a mention needs them: their member id and the name to show where there are no mentions. */
export interface Mentionable {
  id: string;
  displayName: string;
}

/** Core markup naming a member: a mention on platforms that have them, the display name elsewhere. */
export function mention(member: Mentionable): string {
  return `[${userText(member.displayName)}](${MENTION_SCHEME}${member.id})`;
}

/** Parses core text (with user-text spans) into paragraphs and lists of inline nodes. */
export function parseRich(text: string): Rich {
  const spans: string[] = [];
  const held = userTextPieces(text)
    .map((piece) => (piece.user ? `\uE000${spans.push(piece.text) - 1}\uE001` : piece.text))
    .join('');
  const blocks: Rich = [];
  let spaced = false;
  let paragraph: string[] = [];
  let list: Inline[][] = [];
  const push = (block: RichBlock): void => {
    blocks.push(spaced && blocks.length > 0 ? { ...block, spaced: true } : block);
    spaced = false;
  };
  const flush = (): void => {
    if (paragraph.length > 0) push({ type: 'paragraph', children: parseInline(paragraph.join('\n'), spans) });
    if (list.length > 0) push({ type: 'list', items: list });
    paragraph = [];
    list = [];
  };
  for (const line of held.split('\n')) {
    if (line.trim() === '') {
      flush();
      spaced = true;
    } else if (list.length > 0 && /^[ \t]+\S/.test(line)) {
      // An indented line under a list item continues it (a nested "◦ …" line), indentation kept.
      const indent = /^[ \t]+/.exec(line)?.[0] ?? '';
      const last = list.pop() ?? [];
      list.push(tidy([...last, { type: 'break' }, { type: 'text', text: indent }, ...parseInline(line.trimStart(), spans)]));
    } else if (BULLET.test(line)) {
      if (paragraph.length > 0) flush();
      list.push(parseInline(line.replace(BULLET, ''), spans));
    } else {
      if (list.length > 0) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
}

function parseInline(text: string, spans: readonly string[]): Inline[] {
  const root = fromMarkdown(text, OPTIONS);
  const children = root.children.flatMap((node) => (node.type === 'paragraph' ? node.children : []));
  return tidy(children.flatMap((node) => convert(node, spans)));
}

function convert(node: PhrasingContent, spans: readonly string[]): Inline[] {
  switch (node.type) {
    case 'text':
      return restore(node.value, spans);
    case 'strong':
      return [{ type: 'strong', children: node.children.flatMap((c) => convert(c, spans)) }];
    case 'emphasis':
      return [{ type: 'emphasis', children: node.children.flatMap((c) => convert(c, spans)) }];
    case 'inlineCode':
      return [{ type: 'code', text: restore(node.value, spans).map(textOf).join('') }];
    case 'break':
      return [{ type: 'break' }];
    case 'link': {
      const children = node.children.flatMap((c) => convert(c, spans));
      if (node.url.startsWith(MENTION_SCHEME)) {
        return [{ type: 'mention', memberId: node.url.slice(MENTION_SCHEME.length), label: plainInline(children) }];
      }
      return SAFE_LINK.test(node.url) ? [{ type: 'link', url: node.url, children }] : children;
    }
    default:
      return [];
  }
}

/** Text with user spans put back (as typed runs) and line breaks as break nodes. */
function restore(value: string, spans: readonly string[]): Inline[] {
  return value.split(/\uE000(\d+)\uE001/).flatMap((piece, i) => {
    const typed = i % 2 === 1;
    const text = typed ? (spans[Number(piece)] ?? '') : piece;
    return text.split('\n').flatMap((line, j): Inline[] => [
      ...(j > 0 ? [{ type: 'break' } as const] : []),
      ...(line ? [typed ? ({ type: 'text', text: line, typed: true } as const) : ({ type: 'text', text: line } as const)] : []),
    ]);
  });
}

function textOf(node: Inline): string {
  return node.type === 'text' ? node.text : node.type === 'break' ? '\n' : '';
}

/** Adjacent text nodes of the same kind (typed or not) joined into one. */
function tidy(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text' && last.typed === node.typed) out[out.length - 1] = { ...last, text: last.text + node.text };
    else out.push(node);
  }
  return out;
}

/** Inline nodes as a reader sees them without formatting. */
export function plainInline(nodes: readonly Inline[]): string {
  return nodes
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'code':
          return node.text;
        case 'break':
          return '\n';
        case 'mention':
          return node.label;
        case 'strong':
        case 'emphasis':
        case 'link':
          return plainInline(node.children);
      }
    })
    .join('');
}

/**
 * Joins rendered blocks the way the text laid them out: a line break between them, a blank line before a
 * spaced one. `item` renders one list item's line.
 */
export function joinBlocks(rich: Rich, inline: (nodes: Inline[]) => string, item: (line: string) => string): string {
  return rich
    .map((block, i) => {
      const body = block.type === 'paragraph' ? inline(block.children) : block.items.map((nodes) => item(inline(nodes))).join('\n');
      return `${i === 0 ? '' : block.spaced ? '\n\n' : '\n'}${body}`;
    })
    .join('');
}

/** Core text as plain text: markup removed, user text as typed, mentions as names, list items with "• ". */
export function plainRich(text: string): string {
  return joinBlocks(parseRich(text), plainInline, (line) => `• ${line}`);
}

/** The members a text mentions, by member id. */
export function mentionedIn(text: string): string[] {
  const ids: string[] = [];
  const visit = (nodes: readonly Inline[]): void => {
    for (const node of nodes) {
      if (node.type === 'mention') ids.push(node.memberId);
      else if (node.type === 'strong' || node.type === 'emphasis' || node.type === 'link') visit(node.children);
    }
  };
  for (const block of parseRich(text)) {
    if (block.type === 'paragraph') visit(block.children);
    else block.items.forEach(visit);
  }
  return [...new Set(ids)];
}
