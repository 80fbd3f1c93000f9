// Slack over Socket Mode: the real Bolt SocketModeReceiver opens a WebSocket to a local stand-in
// (apps.connections.open on the fake Web API points it there), receives an events_api envelope,
// acknowledges it, and answers in the thread; a redelivered event is answered once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel, type SlackChannel } from '../../../src/channels/slack/slack-app.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FeedbackStore } from '../../../src/feedback/feedback-store.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { bootstrapSeedRuntime, nvoQuestion, type SeedRuntime } from './real-assistant.js';

let seed: SeedRuntime;
let slackApi: FakeSlackApi;
let slack: SlackChannel;
let db: Db;
let dir: string;

beforeAll(async () => {
  seed = await bootstrapSeedRuntime();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-socket-'));
  db = openDatabase(path.join(dir, 'test.db'));
  slackApi = await startFakeSlackApi();
  slack = createSlackChannel({
    config: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: undefined, SLACK_APP_TOKEN: 'xapp-1-test', SLACK_SOCKET_MODE: true, SLACK_SLASH_COMMAND: '/wegwijzer', SLACK_API_URL: slackApi.apiUrl },
    assistant: seed.assistant,
    feedback: new FeedbackStore(db),
    db,
    logger: silentLogger,
  });
  await slack.start();
  await slackApi.socketConnected();
});

afterAll(async () => {
  await slack?.stop();
  await slackApi?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  seed?.cleanup();
});

describe('Slack over Socket Mode', () => {
  it('mounts no HTTP route, acknowledges the envelope and answers the mention once in its thread', async () => {
    expect(slack.transport).toBe('socket');
    expect(slack.routes).toEqual([]);
    expect(slackApi.callsTo('apps.connections.open')[0]!.token).toBe('xapp-1-test');
    const ts = '1732900000.000100';
    const payload = {
      type: 'event_callback', team_id: 'TREGIO', api_app_id: 'AWEG', event_id: 'EvSocket1', event_time: 1732900000,
      event: { type: 'app_mention', user: 'UANNE', text: `<@${slackApi.botUserId}> ${nvoQuestion.text}`, ts, channel: 'CSOCK', event_ts: ts },
      authorizations: [{ team_id: 'TREGIO', user_id: slackApi.botUserId, is_bot: true }],
    };
    const ack = await slackApi.sendEnvelope({ envelope_id: 'env-1', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload });
    expect(ack.envelope_id).toBe('env-1');
    const answer = await slackApi.waitFor(() => slackApi.callsTo('chat.postMessage').find((c) => c.args.channel === 'CSOCK'));
    expect(answer.args.thread_ts).toBe(ts);
    expect(String(answer.args.text)).toContain(nvoQuestion.fact);
    expect(JSON.stringify(answer.args.blocks)).toContain(nvoQuestion.title);

    // Slack redelivers the same event in a new envelope; then a different question follows.
    const redelivered = await slackApi.sendEnvelope({ envelope_id: 'env-2', type: 'events_api', accepts_response_payload: false, retry_attempt: 1, retry_reason: 'timeout', payload });
    expect(redelivered.envelope_id).toBe('env-2');
    const ts2 = '1732900000.000200';
    await slackApi.sendEnvelope({ envelope_id: 'env-3', type: 'events_api', accepts_response_payload: false, retry_attempt: 0, retry_reason: '', payload: { ...payload, event_id: 'EvSocket2', event: { ...payload.event, ts: ts2, event_ts: ts2 } } });
    await slackApi.waitFor(() => slackApi.callsTo('chat.postMessage').some((c) => c.args.thread_ts === ts2));
    expect(slackApi.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts)).toHaveLength(1);
  });
});
