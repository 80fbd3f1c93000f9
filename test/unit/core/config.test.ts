import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config.js';

describe('configuration', () => {
  it('starts with no keys at all on the offline defaults', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3978);
    expect(c.EMBEDDER).toBe('local');
    expect(c.ANSWERER).toBe('extractive');
    expect(c.slackEnabled).toBe(false);
    expect(c.teamsEnabled).toBe(false);
    expect(c.corpusDirs).toHaveLength(1);
    expect(c.REMINDER_OFFSETS_DAYS).toEqual([14, 7, 1, 0]);
  });

  it('rejects Slack over HTTP without a signing secret, naming the key', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET/);
  });

  it('rejects Socket Mode without an app token', () => {
    expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SOCKET_MODE: 'true' })).toThrow(/SLACK_APP_TOKEN/);
  });

  it('refuses the Teams endpoint without keys unless local development is explicit', () => {
    expect(() => loadConfig({ TEAMS_ENABLED: 'true' })).toThrow(/MICROSOFT_APP_ID.*MICROSOFT_APP_PASSWORD|TEAMS_LOCAL_DEV/);
    expect(loadConfig({ TEAMS_ENABLED: 'true', TEAMS_LOCAL_DEV: 'true' }).teamsEnabled).toBe(true);
  });

  it('rejects the LLM answerer without a chat model, and a malformed port, naming the keys', () => {
    for (const [env, key] of [[{ ANSWERER: 'llm' }, /CHAT_PROVIDER/], [{ PORT: 'abc' }, /PORT/]] as const) {
      try {
        loadConfig(env);
        expect.unreachable();
      } catch (e) {
        expect(e).toBeInstanceOf(ConfigError);
        expect((e as ConfigError).problems.join('\n')).toMatch(key);
      }
    }
  });

  it('rejects malformed reminder settings', () => {
    expect(() => loadConfig({ REMINDER_TIME: '9 uur' })).toThrow(/REMINDER_TIME/);
    expect(() => loadConfig({ REMINDER_OFFSETS_DAYS: '14,-1' })).toThrow(/REMINDER_OFFSETS_DAYS/);
  });
});
