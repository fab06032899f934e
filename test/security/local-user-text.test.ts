// Local mode: what a person types reaches the local API's answers as plain text runs of the structure the chat
// page draws, and control characters typed into /local/say and /local/act are removed. Real Postgres and Redis.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Message } from '../../src/core/messages/model.ts';
import { type LocalApp, startLocalApp } from '../support/local-app.ts';

let app: LocalApp;

beforeAll(async () => {
  app = await startLocalApp();
});

afterAll(async () => {
  await app?.stop();
});

// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

type Node = { type: string; text?: string; children?: Node[] };

/** Every inline node of a block's `rich` (paragraphs and list items), nested ones included. */
function inlineNodes(rich: unknown): Node[] {
  const blocks = Array.isArray(rich) ? (rich as { children?: Node[]; items?: Node[][] }[]) : [];
  const walk = (nodes: Node[]): Node[] => nodes.flatMap((n) => [n, ...walk(n.children ?? [])]);
  return blocks.flatMap((b) => walk([...(b.children ?? []), ...(b.items ?? []).flat()]));
}

async function sayRaw(as: string, text: string): Promise<Message[]> {
  const { status, json } = await app.post('/local/say', { as, text });
  expect(status).toBe(200);
  return (json as { replies: Message[] }).replies;
}

describe('user text in local mode', () => {
  it('comes back as plain text in the structure the page draws, so a link or a mention shows as typed', async () => {
    const typed = '*now* <https://evil.example/t|Zebra wrangling> <!channel>';
    const replies = await sayRaw('ana-garcia', `skills add ${typed} trained`);
    const nodes = replies.flatMap((m) => m.blocks).flatMap((b) => inlineNodes((b as { rich?: unknown }).rich));
    // The typed words are one run of text, and nothing in any reply became a link or a mention.
    expect(nodes.filter((n) => n.type === 'text').map((n) => n.text)).toContainEqual(expect.stringContaining(typed));
    expect(nodes.filter((n) => n.type === 'link' || n.type === 'mention')).toEqual([]);
    expect(replies.map((m) => m.text).join('\n')).toContain(typed);
  });

  it('removes NUL, ESC and bidi overrides from typed text and from form values', async () => {
    const replies = await sayRaw('ana-garcia', 'skills add Zeb\u0000ra\u001b[2J\u202E wrangling');
    const text = JSON.stringify(replies);
    expect(text).not.toMatch(CONTROLS);
    expect(text).toContain('Zebra[2J wrangling');
    const { status, json } = await app.post('/local/act', { as: 'ana-garcia', actionId: 'nothing.here\u0000', value: '\u001b[31m', fields: { note: 'a\u0000b' } });
    expect(status).toBe(200);
    expect(JSON.stringify(json)).not.toMatch(CONTROLS);
  });
});
