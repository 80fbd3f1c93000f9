// Access scopes through the channels: a Slack channel and a Teams channel mapped to one region (in a
// SCOPES_FILE) get answers and introductions from that region's documents only; in Teams this holds
// in a reply thread too, whose conversation id carries ';messageid='.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel } from '../../../src/channels/slack/slack-app.js';
import { createTeamsChannel, type TeamsChannel } from '../../../src/channels/teams/teams-bot.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FeedbackStore } from '../../../src/feedback/feedback-store.js';
import { createHttpServer, listen, type RunningServer } from '../../../src/server/http-server.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { bootstrapSeedRuntime, nvoQuestion, type SeedRuntime } from './real-assistant.js';

const signingSecret = 'scopes-secret';
const zhzTitle = 'Vastgesteld inkoopkader jeugdhulp 2022 e.v. (brief aan de colleges, Zuid-Holland Zuid)';
const zhzQuestion = 'Welk uitgangspunt is na de zienswijzen aan het Inkoopkader toegevoegd?';
let dir: string;
let seed: SeedRuntime;
let db: Db;
let slackApi: FakeSlackApi;
let connector: FakeBotConnector;
let server: RunningServer;
let teams: TeamsChannel;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-scopes-'));
  const scopesFile = path.join(dir, 'scopes.json');
  fs.writeFileSync(scopesFile, JSON.stringify({ slack: { channels: { CZHZ: ['Zuid-Holland Zuid'] } }, teams: { conversations: { '19:zhz@thread.tacv2': ['Zuid-Holland Zuid'] } } }));
  seed = await bootstrapSeedRuntime({ SCOPES_FILE: scopesFile });
  db = openDatabase(path.join(dir, 'test.db'));
  slackApi = await startFakeSlackApi();
  connector = await startFakeBotConnector();
  const common = { assistant: seed.assistant, feedback: new FeedbackStore(db), db, logger: silentLogger };
  const slack = createSlackChannel({ config: { SLACK_BOT_TOKEN: 'xoxb-t', SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: undefined, SLACK_SOCKET_MODE: false, SLACK_SLASH_COMMAND: '/wegwijzer', SLACK_API_URL: slackApi.apiUrl }, ...common });
  teams = createTeamsChannel({ config: { MICROSOFT_APP_ID: undefined, MICROSOFT_APP_PASSWORD: undefined, MICROSOFT_APP_TYPE: 'MultiTenant', MICROSOFT_APP_TENANT_ID: undefined, TEAMS_LOCAL_DEV: true }, ...common });
  server = await listen(createHttpServer({ logger: silentLogger, routes: [...slack.routes, ...teams.routes], health: () => ({}) }), 0, '127.0.0.1');
});

afterAll(async () => {
  await server?.close();
  await slackApi?.close();
  await connector?.close();
  db?.close();
  seed?.cleanup();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function slackEvent(event: Record<string, unknown>, id: string) {
  const body = JSON.stringify({ type: 'event_callback', team_id: 'TREGIO', event_id: id, event });
  const ts = Math.floor(Date.now() / 1000);
  const signature = 'v0=' + crypto.createHmac('sha256', signingSecret).update(`v0:${ts}:${body}`).digest('hex');
  const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(ts), 'x-slack-signature': signature }, body });
  expect(res.status).toBe(200);
}

describe('access scopes in the channels', () => {
  it('Slack: a mapped channel is answered from its region only, and its introduction lists only that region', async () => {
    await slackEvent({ type: 'app_mention', user: 'UZ', text: `<@${slackApi.botUserId}> ${zhzQuestion}`, ts: '1.0001', channel: 'CZHZ', event_ts: '1.0001' }, 'EvS1');
    await slackEvent({ type: 'app_mention', user: 'UZ', text: `<@${slackApi.botUserId}> ${nvoQuestion.text}`, ts: '1.0002', channel: 'CZHZ', event_ts: '1.0002' }, 'EvS2');
    const own = await slackApi.waitFor(() => slackApi.callsTo('chat.postMessage').find((c) => c.args.thread_ts === '1.0001'));
    const other = await slackApi.waitFor(() => slackApi.callsTo('chat.postMessage').find((c) => c.args.thread_ts === '1.0002'));
    expect(JSON.stringify(own.args.blocks)).toContain(zhzTitle);
    expect(JSON.stringify(other.args.blocks)).not.toContain(nvoQuestion.title);
    expect(String(other.args.text)).not.toContain(nvoQuestion.fact);

    await slackEvent({ type: 'member_joined_channel', user: 'UNEW', channel: 'CZHZ', team: 'TREGIO', event_ts: '1.0003' }, 'EvS3');
    const intro = await slackApi.waitFor(() => slackApi.callsTo('chat.postEphemeral').find((c) => c.args.user === 'UNEW'));
    expect(String(intro.args.text)).toContain(zhzTitle);
    expect(String(intro.args.text)).not.toContain(nvoQuestion.title);
  });

  it('Teams: a reply thread in a mapped channel is answered from that region only; the channel itself is stored for reminders', async () => {
    const threadId = '19:zhz@thread.tacv2;messageid=1732900000000';
    const post = (text: string, id: string) =>
      fetch(`http://127.0.0.1:${server.port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'message', id, channelId: 'msteams', serviceUrl: connector.serviceUrl, from: { id: '29:z', aadObjectId: 'aad-z' }, recipient: { id: '28:bot', name: 'Wegwijzer' },
          conversation: { id: threadId, conversationType: 'channel' }, text: `<at>Wegwijzer</at> ${text}`, entities: [{ type: 'mention', text: '<at>Wegwijzer</at>', mentioned: { id: '28:bot', name: 'Wegwijzer' } }],
        }),
      });
    await post(zhzQuestion, 't1');
    await post(nvoQuestion.text, 't2');
    const cards = connector.messagesTo(threadId).map((m) => JSON.stringify(m.activity.attachments ?? m.activity.text));
    expect(cards).toHaveLength(2);
    expect(cards[0]).toContain(zhzTitle);
    expect(cards[1]).not.toContain(nvoQuestion.title);
    expect(teams.conversations.get('19:zhz@thread.tacv2')?.reference.conversation?.id).toBe('19:zhz@thread.tacv2');
    expect(teams.conversations.get(threadId)).toBeDefined();
  });
});
