// The local chat page in a real browser (headless Chromium): keyboard, focus ring, practice time, phone layout, chips.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, type LocalApp, startLocalApp, allText } from '../support/local-app.ts';

const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
if (!hasChromium) {
  console.warn(
    `Skipping the browser tests of the local chat page: no Chromium at ${CHROMIUM} ` +
      '(on Debian: sudo apt-get install chromium; .ci/run installs it).',
  );
}

const PRACTICE_ZONE = 'America/Chicago';

let app: LocalApp;
const opened: { context: BrowserContext; dir: string }[] = [];

beforeAll(async () => {
  if (hasChromium) app = await startLocalApp();
});

afterAll(async () => {
  for (const { context, dir } of opened) {
    await context.close().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  await app?.stop();
});

/** A fresh browser (its own profile) showing the chat page, once the people have loaded. */
async function openPage(opts: { width?: number; height?: number; timezoneId?: string; as?: string } = {}): Promise<Page> {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-chromium-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
    ],
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    timezoneId: opts.timezoneId ?? PRACTICE_ZONE,
    locale: 'en-US',
  });
  opened.push({ context, dir });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${app.base}/`);
  await page.waitForFunction('!document.getElementById("say").disabled');
  if (opts.as) await page.selectOption('#member', opts.as);
  return page;
}

const activeId = async (page: Page) => (await page.evaluate('document.activeElement ? document.activeElement.id : ""')) as string;

/** Types into the message box and sends with Enter, then waits until Rounds has answered. */
async function send(page: Page, text: string): Promise<void> {
  const before = await botReplies(page);
  await page.fill('#say', text);
  await page.press('#say', 'Enter');
  await page.waitForFunction(
    `document.querySelectorAll('.log:not([hidden]) .row.bot .msg').length > ${before} && !document.querySelector('.log:not([hidden]) .typing')`,
  );
}
const botReplies = async (page: Page) => (await page.evaluate(`document.querySelectorAll('.log:not([hidden]) .row.bot .msg').length`)) as number;

/**
 * What the browser shows for the focused element: an id for it, and the contrast of its focus ring against what
 * lies around it (the nearest opaque background outside the element), from computed styles.
 */
const FOCUSED = `(() => {
  const e = document.activeElement;
  if (!e || e === document.body) return null;
  const s = getComputedStyle(e);
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  let bg = [255, 255, 255];
  for (let p = e.parentElement; p; p = p.parentElement) {
    const c = rgb(getComputedStyle(p).backgroundColor);
    if (c.length === 3 || (c.length === 4 && c[3] === 1)) { bg = c.slice(0, 3); break; }
  }
  const ring = rgb(s.outlineColor);
  const opaque = ring.length === 3 || ring[3] === 1;
  const [hi, lo] = [lum(ring), lum(bg)].sort((a, b) => b - a);
  return {
    what: e.id || (e.tagName.toLowerCase() + (e.className ? '.' + String(e.className).split(' ').join('.') : '') + ':' + (e.textContent || '').trim().slice(0, 20)),
    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 && opaque,
    contrast: (hi + 0.05) / (lo + 0.05),
  };
})()`;
interface Focused { what: string; ring: boolean; contrast: number }

/** Puts focus on the page's first element in the tab order, then counts Tab presses until the message box has it. */
async function tabsToMessageBox(page: Page, seen: Focused[] = []): Promise<number> {
  await page.evaluate(`(() => {
    const all = [...document.querySelectorAll('a[href], button, select, textarea, input, [tabindex]')];
    const first = all.find((e) => e.tabIndex >= 0 && !e.disabled && !e.closest('[hidden]') && e.getClientRects().length);
    first.focus();
  })()`);
  for (let n = 0; n < 200; n++) {
    const f = (await page.evaluate(FOCUSED)) as Focused | null;
    if (f) seen.push(f);
    if ((await activeId(page)) === 'say') return n;
    await page.keyboard.press('Tab');
  }
  throw new Error('the message box was not reached within 200 Tab presses');
}

// A browser per test on a busy two-core machine: more room than the suite's default.
describe.skipIf(!hasChromium)('the local chat page in a browser', { timeout: 90_000 }, () => {
  it('puts focus in the message box on load and after picking a person', async () => {
    const page = await openPage();
    await eventually(async () => ((await activeId(page)) === 'say' ? true : undefined));
    await page.focus('#member');
    await page.selectOption('#member', 'ana-garcia');
    await eventually(async () => ((await activeId(page)) === 'say' ? true : undefined));
    await page.keyboard.type('help');
    expect(await page.inputValue('#say')).toBe('help');

    // Arrow keys on the list browse the people without leaving it; Enter then goes to the message box.
    await page.focus('#member');
    await page.keyboard.press('ArrowDown');
    expect(await page.inputValue('#member')).not.toBe('ana-garcia');
    expect(await activeId(page)).toBe('member');
    await page.keyboard.press('Enter');
    expect(await activeId(page)).toBe('say');
  });

  it('keeps the way from the top of the page to the message box short, however long the conversation', async () => {
    const page = await openPage({ as: 'ana-garcia' });
    await send(page, 'help');
    const first = await tabsToMessageBox(page);
    for (const text of ['profile', 'skills', 'mentor', 'profile', 'out list', 'skills', 'profile']) await send(page, text);
    // The old profile forms are still there to read, but no longer in the way.
    expect(await page.locator('.log:not([hidden]) .form-card').count()).toBeGreaterThanOrEqual(2);
    await send(page, 'help');
    const after = await tabsToMessageBox(page);
    expect(after).toBe(first);
    expect(first).toBeLessThanOrEqual(15);
  });

  it('shows a focus ring of at least 3:1 against its background on every stop up to the message box', async () => {
    const page = await openPage({ as: 'ben-okafor' });
    await send(page, 'profile');
    const seen: Focused[] = [];
    await tabsToMessageBox(page, seen);
    // and inside the newest form, which stays reachable
    await page.keyboard.press('Shift+Tab');
    for (let i = 0; i < 8; i++) {
      await page.keyboard.press('Shift+Tab');
      const f = (await page.evaluate(FOCUSED)) as Focused | null;
      if (f) seen.push(f);
    }
    expect(seen.length).toBeGreaterThan(8);
    const weak = seen.filter((f) => !f.ring || f.contrast < 3).map((f) => `${f.what} (${f.ring ? f.contrast.toFixed(2) : 'no ring'})`);
    expect(weak).toEqual([]);
  });

  it('shows practice time labelled with the practice’s zone when the browser is elsewhere', async () => {
    const page = await openPage({ timezoneId: 'Asia/Tokyo' });
    const read = async () => (await (await fetch(`${app.base}/local/clock`)).json()) as { now: string; timeZone: string };
    const before = await read();
    expect(before.timeZone).toBe(PRACTICE_ZONE);
    await page.waitForFunction(`document.getElementById('clock-now').textContent.includes('Chicago time')`);
    // (some ICU versions put a narrow no-break space before AM/PM)
    const shown = ((await page.textContent('#clock-now')) ?? '').replace(/\u202f/g, ' ');
    const after = await read();
    const inChicago = (iso: string) => DateTime.fromISO(iso).setZone(PRACTICE_ZONE).toFormat('h:mm a');
    const inTokyo = DateTime.fromISO(before.now).setZone('Asia/Tokyo').toFormat('h:mm a');
    expect([inChicago(before.now), inChicago(after.now)].some((t) => shown.includes(t))).toBe(true);
    expect(shown).not.toContain(inTokyo);
    expect(shown).toMatch(/^[A-Z][a-z]{2}, [A-Z][a-z]{2} \d{1,2}, \d{1,2}:\d{2} [AP]M · Chicago time$/);
  });

  it('stamps inbox messages in the reader’s zone, naming it when it is not the practice’s', async () => {
    // Tom works from New York, Marcus in Chicago with the practice: both get an introduction.
    const replies = await app.say('dana-whitfield', 'pair @marcus @tom');
    expect(allText(replies)).toMatch(/Proposed/);
    const [intro] = await eventually(async () => {
      const inbox = await app.inbox('tom-becker');
      return inbox.length ? inbox : undefined;
    });
    const page = await openPage({ timezoneId: 'Asia/Tokyo', as: 'tom-becker' });
    await page.waitForSelector('.inbox-list:not([hidden]) .inbox-item time');
    const tom = ((await page.textContent('.inbox-list:not([hidden]) .inbox-item time')) ?? '').replace(/\u202f/g, ' ');
    expect(tom).toContain(DateTime.fromISO(intro!.at).setZone('America/New_York').toFormat('h:mm a'));
    expect(tom).toContain('New York time');

    await page.selectOption('#member', 'marcus-lee');
    await page.waitForSelector('.inbox-list:not([hidden]) .inbox-item time');
    const marcus = ((await page.textContent('.inbox-list:not([hidden]) .inbox-item time')) ?? '').replace(/\u202f/g, ' ');
    expect(marcus).toContain(DateTime.fromISO(intro!.at).setZone(PRACTICE_ZONE).toFormat('h:mm a'));
    expect(marcus).not.toMatch(/time$/);
  });

  it('fits a phone: a short header, no sideways scrolling, a compact form and the message box in view', async () => {
    const page = await openPage({ width: 390, height: 844, as: 'emily-nguyen' });
    const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
    expect((await box('header')).height).toBeLessThanOrEqual(844 * 0.15);
    // with the Chat / Inbox tabs under it, still a fifth of the screen at most
    expect((await box('header')).height + (await box('.tabs')).height).toBeLessThanOrEqual(844 * 0.2);
    await send(page, 'profile');
    const form = await box('.log:not([hidden]) .form-card');
    expect(form.height).toBeLessThanOrEqual(844 * 1.25);
    const sideways = (await page.evaluate('document.documentElement.scrollWidth - document.documentElement.clientWidth')) as number;
    expect(sideways).toBeLessThanOrEqual(0);
    const say = await box('#say');
    expect(say.y).toBeGreaterThan((await box('header')).height);
    expect(say.y + say.height).toBeLessThanOrEqual(844);
  });

  it('lets a suggestion chip fill the message box, so Enter on a chip records nothing', async () => {
    const page = await openPage({ as: 'ben-okafor' });
    const said: string[] = [];
    page.on('request', (r) => {
      if (r.url().endsWith('/local/say')) said.push(r.postData() ?? '');
    });
    await page.getByRole('button', { name: 'out next week' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.inputValue('#say')).toBe('out next week');
    expect(await activeId(page)).toBe('say');
    // the page sends only when the person presses Enter in the box
    expect(said).toEqual([]);
    expect(allText(await app.say('ben-okafor', 'out list'))).toMatch(/no upcoming time off/);
    await page.keyboard.press('Enter');
    await eventually(async () => (said.length === 1 ? true : undefined));
    expect(said[0]).toContain('out next week');
  });
});
