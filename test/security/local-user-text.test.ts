// Local mode: what a person types reaches the local API's answers marked as user text (the chat page shows it
// plain), and control characters typed into /local/say and /local/act are removed. Real Postgres and Redis.
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

async function sayRaw(as: string, text: string): Promise<Message[]> {
  const { status, json } = await app.post('/local/say', { as, text });
  expect(status).toBe(200);
  return (json as { replies: Message[] }).replies;
}

describe('user text in local mode', () => {
  it('comes back marked as user text, so the page shows a link or a mention as typed', async () => {
    const replies = await sayRaw('ana-garcia', 'skills add *now* <https://evil.example/t|Zebra wrangling> <!channel> trained');
    const text = replies.map((m) => m.text).join('\n');
    expect(text).toContain('\uE000*now* <https://evil.example/t|Zebra wrangling> <!channel>\uE001');
    // Outside a span there is no link, mention or ping the page would render.
    expect(text.replace(/\uE000[^\uE001]*\uE001/g, '')).not.toMatch(/<https?:|<@|<!/);
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
