// User text in Slack mrkdwn: a userText span is escaped completely and its style characters neutralised, while the
// core's own bold, mentions and links keep working; cutting and splitting never break a span's escaping.
import { describe, expect, it } from 'vitest';
import { renderMessage } from '../../../adapters/slack/render.ts';
import { escapeMrkdwn, splitMrkdwn, truncateMrkdwn } from '../../../adapters/slack/render-text.ts';
import { actions, button, header, message, section } from '../../../src/core/messages/build.ts';
import { mention } from '../../../src/core/messages/inline.ts';
import { userText } from '../../../src/core/messages/user-text.ts';

const ZW = '\u200B';
const MARKERS = /[\uE000\uE001]/;

describe('escapeMrkdwn with user text', () => {
  it('escapes links, mentions, channel and special pings inside a span, and keeps the core tokens outside it', () => {
    const asker = { id: 'member-core', displayName: 'Dana' };
    const text = `${mention(asker)} asked for **${userText('<https://evil.example/sso|prior auth> <@U123> <#C999> <!here> & co')}** [help](https://rounds.example)`;
    expect(escapeMrkdwn(text, new Map([[asker.id, 'U0CORE']]))).toBe(
      '<@U0CORE> asked for *&lt;https://evil.example/sso|prior auth&gt; &lt;@U123&gt; &lt;#C999&gt; &lt;!here&gt; &amp; co* <https://rounds.example|help>',
    );
  });

  it('puts a zero-width space on both sides of each style character a person typed', () => {
    expect(escapeMrkdwn(userText('*bold* _it_ ~s~ `code`'))).toBe(
      `${ZW}*${ZW}bold${ZW}*${ZW} ${ZW}_${ZW}it${ZW}_${ZW} ${ZW}~${ZW}s${ZW}~${ZW} ${ZW}\`${ZW}code${ZW}\`${ZW}`,
    );
    // The core's own markup still renders.
    expect(escapeMrkdwn(`**Done** _now_ ${userText('a')}`)).toBe('*Done* _now_ a');
    // Markup inside a span never does, not even when it would close the core's own.
    expect(escapeMrkdwn(`**a ${userText('b** c')}`)).toBe(`${ZW}*${ZW}${ZW}*${ZW}a b${ZW}*${ZW}${ZW}*${ZW} c`);
  });

  it('drops the markers, and a marker without its partner, so none ever reaches Slack', () => {
    expect(escapeMrkdwn(`a \uE001b ${userText('c')} \uE000<@U1>`)).toBe('a b c &lt;@U1&gt;');
  });

  it('cannot be forged: markers inside user text are removed before it is wrapped', () => {
    expect(escapeMrkdwn(userText('x\uE001<https://evil.example|y>\uE000'))).toBe('x&lt;https://evil.example|y&gt;');
  });
});

describe('cutting and splitting user text', () => {
  it('never cuts between a style character and its zero-width spaces, nor inside an entity', () => {
    const escaped = escapeMrkdwn(userText('*'.repeat(40) + '<'.repeat(40)));
    for (let max = 2; max < 120; max += 1) {
      const cut = truncateMrkdwn(escaped, max);
      expect(cut.length).toBeLessThanOrEqual(max);
      const body = cut.replace(/…$/, '');
      expect(body).toMatch(/^(?:\u200B\*\u200B|&lt;)*$/);
    }
  });

  it('splits a long note into parts that each keep every style character neutralised', () => {
    const escaped = escapeMrkdwn(userText(Array.from({ length: 300 }, (_, i) => `*w${i}*`).join(' ')));
    const parts = splitMrkdwn(escaped, 100);
    expect(parts.length).toBeGreaterThan(5);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(100);
      expect(part.replaceAll(`${ZW}*${ZW}`, '')).not.toContain('*');
      expect(part.replaceAll(`${ZW}*${ZW}`, '')).not.toContain(ZW);
    }
  });
});

describe('renderMessage with user text', () => {
  it('shows a span in headers and buttons without markers, and escapes it in mrkdwn and the notification text', () => {
    const title = userText('<!channel> *Team* <https://evil.example|x>');
    const rendered = renderMessage(message([header(`Roster · ${title}`), section(`About ${title}`), actions(button(`Open ${title}`, 'a.b', 'v'))]));
    const json = JSON.stringify(rendered);
    expect(json).not.toMatch(MARKERS);
    expect(rendered.text).not.toMatch(/<!channel>|<https:/);
    expect(rendered.text).toContain('&lt;!channel&gt;');
    expect(rendered.text).toContain(`${ZW}*${ZW}Team${ZW}*${ZW}`);
    const [head, body, bar] = rendered.blocks as unknown as [{ text: { text: string } }, { text: { text: string } }, { elements: { text: { text: string } }[] }];
    expect(head.text.text).toBe('Roster · <!channel> *Team* <https://evil.example|x>');
    expect(body.text.text).toBe(`About &lt;!channel&gt; ${ZW}*${ZW}Team${ZW}*${ZW} &lt;https://evil.example|x&gt;`);
    expect(bar.elements[0]?.text.text).toBe('Open <!channel> *Team* <https://evil.example|x>');
  });
});
