// Every sentence the catalogue can build, rendered on Slack (mrkdwn) and for the local page (parsed structure):
// no markup of the other platform leaks through, the core's own markup renders, and text a person typed (a hostile
// string, passed wherever a sentence takes text) stays inert everywhere. Also the help, for staff and managers.
import { describe, expect, it } from 'vitest';
import { pageMessage } from '../../adapters/local/render.ts';
import { renderMessage } from '../../adapters/slack/render.ts';
import { escapeMrkdwn, escapeText } from '../../adapters/slack/render-text.ts';
import { assembleFeatures } from '../../src/core/feature-set.ts';
import { FEATURES } from '../../src/core/features.ts';
import { helpMessage } from '../../src/core/help.ts';
import { textMessage } from '../../src/core/messages/build.ts';
import { catalogFor } from '../../src/core/messages/catalog.ts';
import { type Inline, parseRich, type Rich } from '../../src/core/messages/inline.ts';
import type { Message } from '../../src/core/messages/model.ts';
import { userText } from '../../src/core/messages/user-text.ts';

/** What a person might type (or a directory might say) to make a renderer do something. */
const TYPED = '<!channel> **b** *i* _e_ ~s~ `c` <@U666> <#C1> [link](https://evil.example) <b>x</b> &amp; • not a list';
const TYPED_SHORT = '*Bo* <@U9>';
const MEMBER = { id: 'member-1', displayName: TYPED_SHORT };

/** Arguments to try, position by position, until a sentence builds: text, a number, a list, a person. */
const CANDIDATES: unknown[] = [
  userText(TYPED),
  3,
  [userText(TYPED), userText(TYPED_SHORT)],
  {
    ...{ name: userText(TYPED), yours: false, displayName: userText(TYPED), title: userText(TYPED), label: userText(TYPED), id: 'member-1' },
    ...{ month: 2, days: 28, year: 2027, count: 2 },
    ...{ mentorName: TYPED, menteeName: TYPED, topics: [TYPED], expertTopics: [TYPED], goalWords: [TYPED], differentTeam: true, reverse: true },
  },
  [{ name: userText(TYPED), yours: true, displayName: userText(TYPED), label: userText(TYPED), count: 1 }],
  true,
];

/** Helpers the catalogue exposes that return a person's data, not a sentence (callers wrap what they return). */
const NOT_SENTENCES = new Set(['t.mentoring.shortName']);

/** Words some sentences are chosen by. */
const WORDS = ['mentoring', 'mentor', 'mentee', 'learning', 'trained', 'expert'];

type Built = { path: string; texts: string[] };

function textsOf(value: unknown): string[] | null {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  return null;
}

/** Calls `fn` with arguments varied one position at a time until it builds text. */
function build(fn: (...args: unknown[]) => unknown): string[] | null {
  const arity = Math.max(fn.length, 1);
  const tries: unknown[][] = [Array.from({ length: arity }, () => CANDIDATES[0])];
  for (let i = 0; i < arity; i += 1) {
    for (const candidate of CANDIDATES.slice(1)) {
      for (const base of [CANDIDATES[0], CANDIDATES[1]]) {
        const args: unknown[] = Array.from({ length: arity }, () => base);
        args[i] = candidate;
        tries.push(args);
      }
    }
  }
  // Sentences chosen by a kind ("mentoring", "mentor"…): every combination of a few words, for two arguments.
  if (arity <= 2) for (const a of WORDS) for (const b of WORDS) tries.push(arity === 1 ? [a] : [a, b]);
  for (const args of tries) {
    try {
      const texts = textsOf(fn(...args));
      if (texts) return texts;
    } catch {
      // another shape of arguments
    }
  }
  return null;
}

function everySentence(): { built: Built[]; missed: string[] } {
  const built: Built[] = [];
  const missed: string[] = [];
  const walk = (value: unknown, path: string): void => {
    if (NOT_SENTENCES.has(path)) return;
    if (typeof value === 'function') {
      const texts = build(value as (...args: unknown[]) => unknown);
      if (texts) built.push({ path, texts });
      else missed.push(path);
    } else if (typeof value === 'string') {
      built.push({ path, texts: [value] });
    } else if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value !== null && typeof value === 'object') {
      for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`);
    }
  };
  walk(catalogFor('en'), 't');
  return { built, missed };
}

/** Core text with every typed span taken out. */
function stripSpans(text: string): string {
  return text.replace(/\uE000[^\uE001]*\uE001/g, 'TYPED');
}

function inlineNodes(rich: Rich): Inline[] {
  const walk = (nodes: Inline[]): Inline[] => nodes.flatMap((n) => [n, ...('children' in n ? walk(n.children) : [])]);
  return rich.flatMap((b) => walk(b.type === 'paragraph' ? b.children : b.items.flat()));
}

/** Slack mrkdwn with the typed runs' own (escaped, neutralised) rendering taken out. */
function slackCoreParts(mrkdwn: string, text: string): string {
  const typed = inlineNodes(parseRich(text)).flatMap((n) => (n.type === 'text' && n.typed ? [escapeText(n.text)] : []));
  return typed.sort((a, b) => b.length - a.length).reduce((rest, run) => rest.replaceAll(run, 'TYPED'), mrkdwn);
}

/** Markup that would mean the text was written for another platform, or that markup leaked into text. */
const NOT_SLACK = /\*\*|\]\(|<\/?(?:b|strong|em|i|br|p|a)\b|&lt;@|<[#!]/;
const NOT_PAGE_TEXT = /\*\*|\]\(|<@|<#|<!|<https?:|(^|\s)\*\S[^*]*\*(\s|$)/;

function checkOnSlack(path: string, text: string): void {
  const mrkdwn = escapeMrkdwn(text, new Map([[MEMBER.id, 'U0MEMBER']]));
  const core = slackCoreParts(mrkdwn, text);
  expect(core, `${path} on Slack: ${mrkdwn}`).not.toMatch(NOT_SLACK);
  // Every token Slack would act on is one the core meant: the mention of the member, or a web link.
  for (const token of core.match(/<[^>]*>/g) ?? []) expect(token, path).toMatch(/^<@U0MEMBER>$|^<https:\/\/[^|>]+\|[^>]*>$/);
  if (text.includes(TYPED)) expect(mrkdwn, `${path}: the typed text is shown whole and inert`).toContain(escapeText(TYPED));
}

/** Slack's bold (`*x*`) or mentions and links written into the core's own text, outside any typed span. */
const SLACK_IN_SOURCE = /(^|[^*\w])\*[^*\s](?:[^*\n]*[^*\s])?\*(?!\*)|<[@#!]|<https?:/;

function checkOnPage(path: string, text: string): void {
  expect(stripSpans(text), `${path}: the core writes its text, not Slack's`).not.toMatch(SLACK_IN_SOURCE);
  const nodes = inlineNodes(parseRich(text));
  for (const node of nodes) if (node.type === 'text' && !node.typed) expect(node.text, `${path} on the page`).not.toMatch(NOT_PAGE_TEXT);
  if (text.includes(TYPED)) {
    expect(
      nodes.some((n) => n.type === 'text' && n.typed && n.text.includes(TYPED)),
      `${path}: the typed text is one plain run on the page`,
    ).toBe(true);
  }
}

describe('every sentence of the catalogue, on Slack and on the local page', () => {
  const { built, missed } = everySentence();

  it('builds every sentence the catalogue holds', () => {
    expect(missed).toEqual([]);
    expect(built.length).toBeGreaterThan(600);
  });

  it('renders each with no markup of the other platform and the typed text inert', () => {
    for (const { path, texts } of built) {
      for (const text of texts) {
        checkOnSlack(path, text);
        checkOnPage(path, text);
      }
    }
  });

  it('renders the core markup itself: bold, italics and lists on both', () => {
    const t = catalogFor('en');
    expect(escapeMrkdwn(t.unknown.didYouMean('skills'))).toBe("I didn't quite get that. Did you mean *skills*?");
    expect(pageMessage(textMessage(t.unknown.didYouMean('skills'))).blocks[0]).toMatchObject({
      rich: [{ type: 'paragraph', children: [{ type: 'text' }, { type: 'strong', children: [{ type: 'text', text: 'skills' }] }, { type: 'text', text: '?' }] }],
    });
  });

  it('names a mentioned member on the page and mentions them on Slack', () => {
    const text = catalogFor('en').coverage.timeOff.gapManager(MEMBER, 'Dec 20–24');
    expect(escapeMrkdwn(text, new Map([[MEMBER.id, 'U0MEMBER']]))).toContain('<@U0MEMBER>');
    expect(inlineNodes(parseRich(text))).toContainEqual({ type: 'mention', memberId: MEMBER.id, label: TYPED_SHORT });
  });
});

describe('the help, for staff and for managers', () => {
  for (const manager of [false, true]) {
    it(`renders ${manager ? "a manager's" : "a staff member's"} help on both without stray markup`, () => {
      const help: Message = helpMessage(catalogFor('en'), userText(TYPED), manager, assembleFeatures(FEATURES).help);
      const slack = renderMessage(help);
      const mrkdwn = slack.blocks.flatMap((b) => {
        const text = (b as { text?: { type?: string; text?: string } }).text;
        return text?.type === 'mrkdwn' && text.text ? [text.text] : [];
      });
      expect(mrkdwn.length).toBeGreaterThan(1);
      for (const text of mrkdwn) expect(text.replaceAll(escapeText(TYPED.split(' ')[0] ?? ''), '')).not.toMatch(NOT_SLACK);
      const page = pageMessage(help);
      for (const block of page.blocks) {
        if ('rich' in block) for (const n of inlineNodes(block.rich)) if (n.type === 'text' && !n.typed) expect(n.text).not.toMatch(NOT_PAGE_TEXT);
      }
      expect(JSON.stringify(page).includes('For managers')).toBe(manager);
    });
  }
});
