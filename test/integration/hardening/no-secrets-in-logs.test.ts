// No secret ever leaves in a log line or a reply. The real server runs with a real configuration full
// of recognisable fake secrets (Slack bot token and signing secret, Teams app password, OpenAI key),
// a capturing logger at debug level and console output captured too; representative flows run (Slack
// answer and forged request, Teams answer and refused token, a language model that fails and echoes
// the key back, a configuration error), then every log line, every body sent to Slack, Teams and the
// model, and every HTTP response is scanned for the secrets.
import { AppCredentials, AuthenticationConstants } from 'botframework-connector';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ConfigError, loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/core/logger.js';
import { startFakeOpenAIServer, type FakeChatServer } from '../../support/fake-openai-server.js';
import { startLocalOpenId, type LocalOpenId } from '../../support/local-openid.js';
import { postSlack, postTeams, slackMention, slackSignature, startStack, teamsActivity, type Stack } from './stack.js';

const secrets = {
  SLACK_BOT_TOKEN: 'xoxb-1111-2222-SECRETBOTTOKEN9f',
  SLACK_SIGNING_SECRET: '8c1d5e0a77b2SECRETSIGNING4a2',
  MICROSOFT_APP_PASSWORD: 'Zq8~SECRETAPPPASSWORD.kd_3',
  OPENAI_API_KEY: 'sk-proj-SECRETOPENAIKEY0123456789',
};
const appId = '7d9e1c2b-3a4f-4b5c-8d6e-0f1a2b3c4d5e';
const question = 'Wanneer is de NvO in VNG-verband vastgesteld?';

let stack: Stack;
let model: FakeChatServer;
let openId: LocalOpenId;
const logLines: string[] = [];
const consoleLines: string[] = [];
const responses: string[] = [];
const originalMetadataUrl = AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl;

beforeAll(async () => {
  for (const m of ['log', 'info', 'warn', 'error', 'debug'] as const) {
    vi.spyOn(console, m).mockImplementation((...args: unknown[]) => {
      consoleLines.push(args.map((a) => (a instanceof Error ? `${a.message}\n${a.stack}` : typeof a === 'string' ? a : JSON.stringify(a))).join(' '));
    });
  }
  model = await startFakeOpenAIServer({ content: 'De NvO is op 10 juni 2020 vastgesteld [1].' });
  openId = await startLocalOpenId();
  const logger = createLogger('debug', {}, (line) => logLines.push(line));
  stack = await startStack({
    logger,
    env: {
      LOG_LEVEL: 'debug',
      ...secrets,
      SLACK_BOT_TOKEN: secrets.SLACK_BOT_TOKEN,
      MICROSOFT_APP_ID: appId,
      TEAMS_LOCAL_DEV: 'false',
      ANSWERER: 'llm',
      CHAT_PROVIDER: 'openai',
      CHAT_MODEL: 'gpt-local',
      CHAT_MAX_RETRIES: '0',
      OPENAI_BASE_URL: `${model.origin}/v1`,
    },
    beforeChannels() {
      Object.assign(AuthenticationConstants, { ToBotFromChannelOpenIdMetadataUrl: openId.metadataUrl });
      (AppCredentials as unknown as { cache: Map<string, unknown> }).cache.set(`${appId}${AuthenticationConstants.ToChannelFromBotOAuthScope}-cache`, { accessToken: 'outgoing-token', expiresOn: new Date(Date.now() + 3600_000) });
    },
  });
}, 120_000);

afterAll(async () => {
  Object.assign(AuthenticationConstants, { ToBotFromChannelOpenIdMetadataUrl: originalMetadataUrl });
  vi.restoreAllMocks();
  await stack?.close();
  await model?.close();
  await openId?.close();
});

async function keep(res: Response): Promise<Response> {
  const headers: string[] = [];
  res.headers.forEach((value, name) => headers.push(`${name}: ${value}`));
  responses.push(`${res.status} ${headers.join('; ')} ${await res.clone().text()}`);
  return res;
}

describe('secrets in logs and replies', () => {
  it('runs representative flows', async () => {
    // Slack: an answered question, a forged request, one while the model fails and echoes the key.
    const ok = slackMention(stack.slackApi.botUserId, question);
    expect((await keep(await postSlack(stack.base, ok.body, slackSignature(ok.body, undefined, secrets.SLACK_SIGNING_SECRET)))).status).toBe(200);
    await stack.slackApi.waitFor(() => stack.slackApi.callsTo('chat.postMessage').some((c) => c.args.thread_ts === ok.ts));
    const forged = slackMention(stack.slackApi.botUserId, question);
    expect((await keep(await postSlack(stack.base, forged.body, slackSignature(forged.body, undefined, 'guessed')))).status).toBe(401);

    model.script({ status: 401, message: `Incorrect API key provided: ${secrets.OPENAI_API_KEY}. Authorization: Bearer ${secrets.OPENAI_API_KEY}` });
    const failing = slackMention(stack.slackApi.botUserId, 'Wat staat er in de NvO over het opdrachtgeverschap van gemeenten?', { user: 'UFAIL' });
    expect((await keep(await postSlack(stack.base, failing.body, slackSignature(failing.body, undefined, secrets.SLACK_SIGNING_SECRET)))).status).toBe(200);
    await stack.slackApi.waitFor(() => stack.slackApi.callsTo('chat.postMessage').some((c) => c.args.thread_ts === failing.ts));
    model.script({ content: 'De NvO is op 10 juni 2020 vastgesteld [1].' });

    // Teams: an answered activity with a valid token, and a refused one.
    const activity = teamsActivity(stack.connector.serviceUrl, question, { user: 'secrets' });
    const token = openId.sign({ aud: appId, serviceurl: stack.connector.serviceUrl });
    expect((await keep(await postTeams(stack.base, activity, { authorization: `Bearer ${token}` }))).status).toBe(200);
    expect(stack.connector.messagesTo(activity.conversation.id).length).toBeGreaterThan(0);
    const refused = teamsActivity(stack.connector.serviceUrl, question, { user: 'refused' });
    expect((await keep(await postTeams(stack.base, refused, { authorization: `Bearer ${openId.sign({ aud: 'other' })}` }))).status).toBe(401);

    // Health and a configuration error as an operator would see it logged.
    await keep(await fetch(`${stack.base}/healthz`));
    try {
      loadConfig({ SLACK_BOT_TOKEN: secrets.SLACK_BOT_TOKEN, CHAT_PROVIDER: 'openai' });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      createLogger('debug', {}, (line) => logLines.push(line)).error('configuration invalid', { error, config: { ...secrets } });
    }
    // A careless log line with a secret in free text (no known pattern, no telling key name).
    stack.runtime.logger.warn(`unexpected Slack setup, secret was ${secrets.SLACK_SIGNING_SECRET}`, { note: `app ${secrets.MICROSOFT_APP_PASSWORD}` });
    // The logs really were captured (the scan below is not over nothing).
    expect(logLines.length).toBeGreaterThan(5);
    expect(logLines.some((l) => /slack answer failed|model|llm/i.test(l))).toBe(true);
  });

  it('finds no secret in any log line, outgoing body or response', () => {
    const outgoing = [
      // The bot token in a call to Slack itself (auth.test sends it as an argument) goes where it belongs.
      ...stack.slackApi.calls.map((c) => JSON.stringify({ ...c.args, token: c.args.token === secrets.SLACK_BOT_TOKEN ? '(to Slack)' : c.args.token })),
      ...stack.slackApi.responses.map((r) => JSON.stringify(r.body)),
      ...stack.connector.sent.map((s) => JSON.stringify(s.activity)),
      ...model.requests.map((r) => JSON.stringify(r.body)),
    ];
    const places: [string, string[]][] = [
      ['log', logLines],
      ['console', consoleLines],
      ['outgoing body', outgoing],
      ['response', responses],
    ];
    expect(outgoing.length).toBeGreaterThan(3);
    const leaks: string[] = [];
    for (const [where, lines] of places) {
      for (const line of lines) {
        for (const [name, value] of Object.entries(secrets)) {
          // Also a long fragment, in case a secret was cut or partly masked.
          if (line.includes(value) || line.includes(value.slice(0, 16))) leaks.push(`${name} in ${where}: ${line.slice(0, 300)}`);
        }
      }
    }
    expect(leaks).toEqual([]);
  });
});
