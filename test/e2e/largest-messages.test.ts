// The largest messages each feature builds for a 2,000-member workspace — the roster (every page), the participation
// report over 1,000 pairs, a mentor's 60 pairs, the help — rendered on Slack and for the local page without loss:
// every Slack message within Slack's limits, and every line and every button of the neutral message still there.
// Local mode on the real Postgres and Redis builds them; the Slack renderer splits them.
import type { KnownBlock } from '@slack/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type DatabaseHandle } from '../../db/client.ts';
import { createRepositories } from '../../db/repositories/index.ts';
import { pageMessage } from '../../adapters/local/render.ts';
import { renderMessages } from '../../adapters/slack/render.ts';
import { mentionAddresses } from '../../src/core/messages/addresses.ts';
import { type Inline, plainRich } from '../../src/core/messages/inline.ts';
import type { Message } from '../../src/core/messages/model.ts';
import type { Member, Workspace } from '../../src/core/model.ts';
import type { Repositories } from '../../src/core/repositories.ts';
import { assertValidMessage } from '../support/block-kit.ts';
import { newPairValue } from '../support/builders.ts';
import { buildMember, TEST_POOL_MAX, testDatabaseUrl } from '../support/db.ts';
import { type LocalApp, startLocalApp } from '../support/local-app.ts';

const MEMBERS = 2_000;
const MANY_PAIRS = 60;

let app: LocalApp;
let database: DatabaseHandle;
let repos: Repositories;
let workspace: Workspace;
let staff: Member[];

beforeAll(async () => {
  app = await startLocalApp({ worker: false });
  database = await createDatabase({ url: testDatabaseUrl(), maxConnections: TEST_POOL_MAX });
  repos = createRepositories(database.db);
  const found = await repos.workspaces.findByExternal('local', app.workspaceExternalId);
  if (!found) throw new Error('no local workspace');
  workspace = found;
  const dana = await repos.members.findByExternal(workspace.id, 'dana-whitfield');
  staff = [];
  for (let i = 0; i < MEMBERS; i += 20) {
    const batch = Array.from({ length: 20 }, (_, j) => i + j).map((n) =>
      buildMember(repos, workspace.id, {
        externalId: `staff-${n}`,
        displayName: `Staffer ${String(n).padStart(4, '0')}`,
        title: 'Certified Medical Assistant, Float Pool',
        team: `Clinic ${n % 40}`,
        managerId: dana?.id ?? null,
      }),
    );
    staff.push(...(await Promise.all(batch)));
  }
  const at = new Date().toISOString();
  // One mentor with 60 mentees, and 940 more pairs: 1,000 active pairs in the report.
  const pairs = [
    ...staff.slice(1, 1 + MANY_PAIRS).map((mentee) => [staff[0]!, mentee] as const),
    ...Array.from({ length: 1_000 - MANY_PAIRS }, (_, k) => [staff[100 + k]!, staff[1_100 + (k % 900)]!] as const),
  ];
  for (let k = 0; k < pairs.length; k += 20) {
    await Promise.all(
      pairs.slice(k, k + 20).map(([mentor, mentee]) =>
        repos.pairs.create(newPairValue({ workspaceId: workspace.id, mentorId: mentor.id, menteeId: mentee.id, status: 'active' }), at),
      ),
    );
  }
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await database?.close();
});

/** The replies as the local API sends them: core text with its user-text spans, and the parsed structure. */
async function ask(as: string, text: string): Promise<Message[]> {
  const { status, json } = await app.post('/local/say', { as, text });
  expect(status).toBe(200);
  return (json as { replies: Message[] }).replies;
}

async function act(as: string, actionId: string, value: string): Promise<Message[]> {
  const { status, json } = await app.post('/local/act', { as, actionId, value });
  expect(status).toBe(200);
  return (json as { replies: Message[] }).replies;
}

/** Every line a reader sees, per text of the message. */
function linesOf(message: Message): string[] {
  const texts = message.blocks.flatMap((b) =>
    b.type === 'section' ? [b.text, ...(b.fields ?? []).map((f) => f.value)] : b.type === 'context' || b.type === 'header' ? [b.text] : [],
  );
  return texts.flatMap((text) => plainRich(text).split('\n')).map((line) => line.trim()).filter((line) => line.length > 0);
}

function buttonsOf(message: Message): string[] {
  return message.blocks.flatMap((b) => (b.type === 'actions' ? b.elements.map((e) => `${e.actionId} ${e.type === 'button' ? e.value : ''}`) : []));
}

/** Slack mrkdwn read back as plain text: styling removed, neutralised characters and entities as typed. */
function slackPlain(mrkdwn: string): string {
  return mrkdwn
    .replace(/\u200B([*_~`])\u200B/g, (_, ch: string) => String.fromCharCode(0xf8f0 + '*_~`'.indexOf(ch)))
    .replace(/[*_~`]/g, '')
    .replace(/[\uF8F0-\uF8F3]/g, (ch) => '*_~`'.charAt(ch.charCodeAt(0) - 0xf8f0))
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function slackTexts(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => {
    const block = b as { text?: { text?: string }; fields?: { text: string }[]; elements?: { text?: string | { text?: string }; value?: string; action_id?: string }[] };
    const own = [block.text?.text ?? '', ...(block.fields ?? []).map((f) => f.text)];
    const inner = (block.elements ?? []).map((e) => (typeof e.text === 'string' ? e.text : ''));
    return [...own, ...inner].filter((t) => t.length > 0);
  });
}

function slackButtons(blocks: KnownBlock[]): string[] {
  return blocks.flatMap((b) => ((b as { type: string; elements?: { action_id?: string; value?: string }[] }).type === 'actions' ? (b as { elements: { action_id: string; value?: string }[] }).elements.map((e) => `${e.action_id} ${e.value ?? ''}`) : []));
}

function pageLines(message: Message): string {
  const page = pageMessage(message);
  const walk = (nodes: readonly Inline[]): string =>
    nodes.map((n) => (n.type === 'text' || n.type === 'code' ? n.text : n.type === 'break' ? '\n' : n.type === 'mention' ? n.label : walk(n.children))).join('');
  return page.blocks
    .flatMap((b) => ('rich' in b ? [...b.rich, ...('fields' in b && b.fields ? b.fields.flatMap((f) => f.rich) : [])] : []))
    .map((r) => (r.type === 'paragraph' ? walk(r.children) : r.items.map((item) => `• ${walk(item)}`).join('\n')))
    .join('\n');
}

/** Renders on Slack and for the page, and checks that nothing of `message` is lost on either; the Slack parts' count. */
async function renderedWhole(message: Message): Promise<number> {
  const parts = renderMessages(message, await mentionAddresses(repos.members, workspace.id, [message]));
  for (const part of parts) assertValidMessage(part);
  const slack = parts.flatMap((p) => slackTexts(p.blocks)).map(slackPlain).join('\n');
  const page = pageLines(message);
  for (const line of linesOf(message)) {
    expect(slack.includes(line), `on Slack: ${line}`).toBe(true);
    expect(page.includes(line), `on the page: ${line}`).toBe(true);
  }
  expect(parts.flatMap((p) => slackButtons(p.blocks))).toEqual(buttonsOf(message));
  return parts.length;
}

describe('the largest messages for a 2,000-member workspace, on Slack and on the page', () => {
  it('the roster: every page whole, everyone on one of them', async () => {
    let replies = await ask('dana-whitfield', 'roster');
    const seen = new Set<string>();
    for (let page = 0; page < 60 && replies.length > 0; page += 1) {
      for (const reply of replies) {
        await renderedWhole(reply);
        for (const line of linesOf(reply)) for (const m of line.matchAll(/Staffer \d{4}/g)) seen.add(m[0]);
      }
      const more = replies.flatMap((r) => r.blocks).flatMap((b) => (b.type === 'actions' ? b.elements : [])).find((e) => e.actionId === 'roster.more');
      if (!more || more.type !== 'button') break;
      replies = await act('dana-whitfield', more.actionId, more.value);
    }
    expect(seen.size).toBe(MEMBERS);
  });

  it('the participation report over 1,000 pairs, every pair line kept', async () => {
    const replies = await ask('dana-whitfield', 'report');
    const lines = replies.flatMap(linesOf);
    expect(lines.filter((line) => / & Staffer \d{4} \(/.test(line))).toHaveLength(1_000);
    for (const reply of replies) await renderedWhole(reply);
  }, 60_000);

  it("a mentor's 60 pairs, with every pair's buttons", async () => {
    const replies = await ask('staff-0', 'mentor');
    const names = new Set(replies.flatMap(linesOf).flatMap((line) => [...line.matchAll(/Staffer \d{4}/g)].map((m) => m[0])));
    expect(names.size).toBeGreaterThanOrEqual(MANY_PAIRS);
    let parts = 0;
    for (const reply of replies) parts += await renderedWhole(reply);
    // More blocks than one Slack message holds: Slack gets several, nothing dropped.
    expect(parts).toBeGreaterThan(replies.length);
  });

  it('the help, for a manager', async () => {
    for (const reply of await ask('dana-whitfield', 'help')) expect(await renderedWhole(reply)).toBe(1);
  });
});
