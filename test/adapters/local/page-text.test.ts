// The local chat page's text rendering (adapters/local/page/index.html): its own inline() and md() run here on a
// small stand-in DOM. A user-text span (U+E000 … U+E001) is one plain text node: never bold, a link, a mention,
// a bullet or a quote; the markers are never shown. The core's own markup still renders.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
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
const start = page.indexOf('  // ---------------------------------------------------------------- text: simple markdown');
const end = page.indexOf('  // ---------------------------------------------------------------- rendering the neutral message model');
if (!helpers || start < 0 || end < 0) throw new Error('the page text functions were not found');
const { inline, md } = new Function('document', 'el', 'memberName', `${helpers}${page.slice(start, end)}\nreturn { inline, md };`)(
  fakeDocument,
  el,
  (id: string, label?: string) => label || `name-of-${id}`,
) as { inline: (text: string) => FakeNode; md: (text: string) => FakeNode };

describe('the local page shows user text as typed', () => {
  it('renders the core markup around a span, and nothing inside it', () => {
    const text = `<@U1> asked for *${userText('<https://evil.example/sso|prior auth> *x* _y_ ~z~ `c` <@U123>')}*`;
    expect(inline(text).html()).toBe(
      '<span>@name-of-U1</span> asked for <strong><https://evil.example/sso|prior auth> *x* _y_ ~z~ `c` <@U123></strong>',
    );
  });

  it('still renders the core own bold, links and mentions outside spans', () => {
    expect(inline('*Done* _now_ <https://rounds.example|help> <@U2>').html()).toBe(
      '<strong>Done</strong> <em>now</em> <a href="https://rounds.example">help</a> <span>@name-of-U2</span>',
    );
  });

  it('never lets formatting start outside a span and end inside it', () => {
    expect(inline(`*a ${userText('b* c')}`).html()).toBe('*a b* c');
  });

  it('never shows the markers, even a lone one', () => {
    expect(inline(`x \uE001y ${userText('z')} \uE000<@U9>`).html()).toBe('x y z <@U9>');
  });

  it('keeps the lines of a multi-line note plain: no bullets, quotes or bold', () => {
    const note = userText('first line\n• not a bullet\n> not a quote\n*not bold*');
    expect(md(`Your note:\n${note}`).html()).toBe(
      '<div><p>Your note:<br></br>first line<br></br>• not a bullet<br></br>> not a quote<br></br>*not bold*</p></div>',
    );
    // The same lines from the core are a list, a quote and bold.
    expect(md('• a bullet\n> a quote\n*bold*').html()).toBe('<div><ul><li>a bullet</li></ul><blockquote>a quote</blockquote><p><strong>bold</strong></p></div>');
  });
});
