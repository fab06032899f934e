// The local chat page's text rendering (adapters/local/page/index.html): the server parses the core's text once
// (the local API's `rich`), and the page's own inline() and md() draw those nodes, run here on a small stand-in
// DOM. A user-text span (U+E000 … U+E001) is plain text: never bold, a link, a mention or a bullet.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { mention, parseRich } from '../../../src/core/messages/inline.ts';
import { userText } from '../../../src/core/messages/user-text.ts';

type Child = FakeNode | string | null | undefined | Child[];

class FakeNode {
  children: FakeNode[] = [];
  readonly tag: string;
  readonly text: string;
  readonly attrs: Record<string, unknown>;
  constructor(tag: string, text = '', attrs: Record<string, unknown> = {}) {
    this.tag = tag;
    this.text = text;
    this.attrs = attrs;
  }
  append(...items: Child[]): void {
    for (const item of items.flat(Infinity as 1) as (FakeNode | string | null | undefined)[]) {
      if (item === null || item === undefined) continue;
      if (typeof item === 'string') this.children.push(new FakeNode('#text', item));
      else if (item.tag === '#fragment') this.children.push(...item.children);
      else this.children.push(item);
    }
  }
  /** Elements as `<tag>…</tag>` (links with their href), text as is. */
  html(): string {
    if (this.tag === '#text') return this.text;
    const inner = this.children.map((c) => c.html()).join('');
    if (this.tag === '#fragment') return inner;
    const href = typeof this.attrs.href === 'string' ? ` href="${this.attrs.href}"` : '';
    return `<${this.tag}${href}>${inner}</${this.tag}>`;
  }
}

const fakeDocument = {
  createDocumentFragment: () => new FakeNode('#fragment'),
  createTextNode: (text: string) => new FakeNode('#text', text),
};
const el = (tag: string, attrs: Record<string, unknown> | null, ...children: Child[]) => {
  const node = new FakeNode(tag, '', attrs ?? {});
  node.append(...children);
  return node;
};

const page = readFileSync(new URL('../../../adapters/local/page/index.html', import.meta.url), 'utf8');
const helpers = /^ {2}const raw = [^\n]*\n(?: {2}\/\/[^\n]*\n)? {2}const str = [^\n]*\n/m.exec(page)?.[0];
const start = page.indexOf('  // ---------------------------------------------------------------- text: the structure the server parsed');
const end = page.indexOf('  // ---------------------------------------------------------------- rendering the neutral message model');
if (!helpers || start < 0 || end < 0) throw new Error('the page text functions were not found');
const { md } = new Function('document', 'el', `${helpers}${page.slice(start, end)}\nreturn { md };`)(fakeDocument, el) as {
  md: (rich: unknown, fallback?: string) => FakeNode;
};

/** Core text as the page shows it: parsed by the server (the local API's `rich`), drawn by the page. */
const shown = (text: string): string => md(parseRich(text)).html();
const ANA = { id: 'member-ana', displayName: 'Ana García' };

describe('the local page shows user text as typed', () => {
  it('renders the core markup around a span, and nothing inside it', () => {
    const text = `${mention(ANA)} asked for **${userText('<https://evil.example/sso|prior auth> *x* _y_ ~z~ `c` <@U123> [a](https://evil.example)')}**`;
    expect(shown(text)).toBe(
      '<div><p><span>@Ana García</span> asked for <strong><https://evil.example/sso|prior auth> *x* _y_ ~z~ `c` <@U123> [a](https://evil.example)</strong></p></div>',
    );
  });

  it('renders the core own bold, italics, code, links and mentions outside spans', () => {
    expect(shown(`**Done** _now_ \`skills\` [help](https://rounds.example) ${mention(ANA)}`)).toBe(
      '<div><p><strong>Done</strong> <em>now</em> <code>skills</code> <a href="https://rounds.example">help</a> <span>@Ana García</span></p></div>',
    );
  });

  it('shows Slack syntax written as text as text: the page reads no mrkdwn', () => {
    expect(shown('*not bold* <@U1> <https://x.example|x>')).toBe('<div><p><em>not bold</em> <@U1> <https://x.example|x></p></div>');
  });

  it('never lets formatting start outside a span and end inside it', () => {
    expect(shown(`**a ${userText('b** c')}`)).toBe('<div><p>**a b** c</p></div>');
  });

  it('never shows the markers, even a lone one', () => {
    expect(shown(`x \uE001y ${userText('z')} \uE000<@U9>`)).toBe('<div><p>x y z <@U9></p></div>');
  });

  it('keeps the lines of a multi-line note plain: no bullets, quotes or bold', () => {
    const note = userText('first line\n• not a bullet\n> not a quote\n**not bold**');
    expect(shown(`Your note:\n${note}`)).toBe(
      '<div><p>Your note:<br></br>first line<br></br>• not a bullet<br></br>> not a quote<br></br>**not bold**</p></div>',
    );
    // The same lines from the core are a list and bold (a quote is not part of the core's text).
    expect(shown('Heading\n• a bullet\n• **bold**')).toBe('<div><p>Heading</p><ul><li>a bullet</li><li><strong>bold</strong></li></ul></div>');
  });

  it('draws a link only to the web or mail, and nothing for a node it does not know', () => {
    const rich = [{ type: 'paragraph', children: [{ type: 'link', url: 'javascript:alert(1)', children: [{ type: 'text', text: 'x' }] }, { type: 'script', text: 'y' }] }];
    expect(md(rich).html()).toBe('<div><p>x</p></div>');
  });

  it('shows a message without structure as its plain lines', () => {
    expect(md(undefined, 'one\n**two**').html()).toBe('<div><p>one<br></br>**two**</p></div>');
  });
});
