// The Slack app manifests in slack/ validate against Slack's manifest schema and match what the adapter needs.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { describe, expect, it } from 'vitest';
import { SLACK_SCOPES, SLASH_COMMAND } from '../../../adapters/slack/app.ts';

const root = join(import.meta.dirname, '../../..');
const schemas = join(root, 'test/fixtures/slack/manifest-schema');
const read = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
const VERSIONED = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas/';

function validator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  ajv.addSchema({ ...read(join(schemas, 'manifest.schema.1.0.0.json')), $id: `${VERSIONED}manifest.schema.1.0.0.json` });
  ajv.addSchema({ ...read(join(schemas, 'manifest.schema.2.0.0.json')), $id: `${VERSIONED}manifest.schema.2.0.0.json` });
  return ajv.compile(read(join(schemas, 'manifest.schema.json')));
}

describe('the Slack app manifest', () => {
  const validate = validator();

  it('rejects Slack\'s own invalid sample (the schema is really checked)', () => {
    expect(validate(read(join(schemas, 'v1.manifest.invalid.json')))).toBe(false);
  });

  it.each(['slack/manifest.json', 'slack/manifest.socket-mode.json'])('%s validates', (file) => {
    const manifest = read(join(root, file));
    const ok = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
  });

  it('asks for the scopes, events and command the adapter uses, with mentions escaped', () => {
    const manifest = read(join(root, 'slack/manifest.json')) as {
      features: { slash_commands: { command: string; should_escape: boolean }[]; app_home: Record<string, boolean> };
      oauth_config: { scopes: { bot: string[] } };
      settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean } };
    };
    expect(manifest.oauth_config.scopes.bot.sort()).toEqual([...SLACK_SCOPES].sort());
    expect(manifest.features.slash_commands[0]).toMatchObject({ command: SLASH_COMMAND, should_escape: true });
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(['app_home_opened', 'message.im', 'team_join', 'user_change']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
  });
});
