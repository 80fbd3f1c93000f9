// Slack over the HTTP Events API, through the real Bolt app and the real shared server on 127.0.0.1,
// with Bolt's WebClient pointed at a local fake Slack Web API that records what users would see.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel, workingReaction } from '../../../src/channels/slack/slack-app.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FeedbackStore } from '../../../src/feedback/feedback-store.js';
import { createHttpServer, listen, type RunningServer } from '../../../src/server/http-server.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { startFakeSlackApi, type FakeSlackApi, type RecordedSlackCall } from '../../support/fake-slack-api.js';
import { bootstrapSeedRuntime, nvoQuestion, recordingAssistant, type SeedRuntime } from './real-assistant.js';

const signingSecret = 'test-signing-secret-8f1d';
const question = nvoQuestion.text;

let slackApi: FakeSlackApi;
let server: RunningServer;
let db: Db;
let feedback: FeedbackStore;
let dir: string;
let seed: SeedRuntime;
let assistant: ReturnType<typeof recordingAssistant>;
let seq = 0;

function sign(body: string, timestamp = Math.floor(Date.now() / 1000), secret = signingSecret) {
  const signature = 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

async function post(body: string, contentType: string, headers: Record<string, string> = sign(body)) {
  return fetch(`${server.url.replace('localhost', '127.0.0.1')}/slack/events`, { method: 'POST', headers: { 'content-type': contentType, ...headers }, body });
}

function eventEnvelope(event: Record<string, unknown>, eventId = `Ev${++seq}`) {
  return JSON.stringify({ token: 'legacy', team_id: 'TREGIO', api_app_id: 'AWEG', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: 'TREGIO', user_id: slackApi.botUserId, is_bot: true }] });
}

function mention(text: string, extra: Record<string, unknown> = {}) {
  const ts = `1732500000.${String(++seq).padStart(6, '0')}`;
  return { ts, event: { type: 'app_mention', user: 'UANNE', text: `<@${slackApi.botUserId}> ${text}`, ts, channel: 'CINKOOP', event_ts: ts, ...extra } };
}

const postsIn = (channel: string, threadTs?: string) => slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === channel && (threadTs === undefined || c.args.thread_ts === threadTs));
const blocksText = (c: RecordedSlackCall) => JSON.stringify(c.args.blocks ?? []);

beforeAll(async () => {
  seed = await bootstrapSeedRuntime();
  assistant = recordingAssistant(seed.assistant);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-slack-'));
  db = openDatabase(path.join(dir, 'test.db'));
  feedback = new FeedbackStore(db);
  slackApi = await startFakeSlackApi();
  const slack = createSlackChannel({
    config: { SLACK_BOT_TOKEN: 'xoxb-test-token', SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: undefined, SLACK_SOCKET_MODE: false, SLACK_SLASH_COMMAND: '/wegwijzer', SLACK_API_URL: slackApi.apiUrl },
    assistant,
    feedback,
    db,
    logger: silentLogger,
  });
  server = await listen(createHttpServer({ logger: silentLogger, routes: slack.routes, health: () => ({}) }), 0, '127.0.0.1');
});

afterAll(async () => {
  await server?.close();
  await slackApi?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  seed?.cleanup();
});

describe('Slack over HTTP', () => {
  it('answers a mention once, in the thread of the question, with the sources and feedback buttons', async () => {
    const m = mention(question);
    const res = await post(eventEnvelope(m.event), 'application/json');
    expect(res.status).toBe(200);
    const [reply] = await slackApi.waitFor(() => postsIn('CINKOOP', m.ts).length > 0 && postsIn('CINKOOP', m.ts));
    expect(reply!.args.thread_ts).toBe(m.ts);
    const blocks = blocksText(reply!);
    expect(blocks).toMatch(new RegExp(`${nvoQuestion.fact}.*\\[1\\]`));
    expect(blocks).toContain(`[1] ${nvoQuestion.title} · ${nvoQuestion.date}`);
    expect(blocks).toContain('wegwijzer_feedback_up');
    expect(blocks).toContain('wegwijzer_feedback_down');
    // The bot mention is not part of the question the Assistant saw.
    expect(assistant.asked.at(-1)!.text).toBe(question);
    // Progress shown on the question while working, and removed afterwards.
    await slackApi.waitFor(() => slackApi.callsTo('reactions.remove').some((c) => c.args.timestamp === m.ts));
    expect(slackApi.callsTo('reactions.add').filter((c) => c.args.timestamp === m.ts).map((c) => c.args.name)).toEqual([workingReaction]);
    expect(postsIn('CINKOOP', m.ts)).toHaveLength(1);
  });

  it('answers a retried event once', async () => {
    const m = mention('Uit hoeveel afspraken bestaat de NvO?');
    const envelope = eventEnvelope(m.event, 'EvRetried1');
    expect((await post(envelope, 'application/json')).status).toBe(200);
    await slackApi.waitFor(() => postsIn('CINKOOP', m.ts).length > 0);
    const retry = await post(envelope, 'application/json', { ...sign(envelope), 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' });
    expect(retry.status).toBe(200);
    // The same message delivered again under a different event id (app_mention vs message.im) is also one question.
    const again = await post(eventEnvelope(m.event, 'EvRetried2'), 'application/json');
    expect(again.status).toBe(200);
    // A later question is answered; by then the duplicates have been processed (or dropped).
    const later = mention(question);
    await post(eventEnvelope(later.event), 'application/json');
    await slackApi.waitFor(() => postsIn('CINKOOP', later.ts).length > 0);
    expect(postsIn('CINKOOP', m.ts)).toHaveLength(1);
  });

  it('rejects a forged signature and a stale timestamp with 401, and does not answer them', async () => {
    const forged = mention(question);
    const forgedBody = eventEnvelope(forged.event);
    const r1 = await post(forgedBody, 'application/json', sign(forgedBody, Math.floor(Date.now() / 1000), 'not-the-secret'));
    expect(r1.status).toBe(401);
    const stale = mention(question);
    const staleBody = eventEnvelope(stale.event);
    const r2 = await post(staleBody, 'application/json', sign(staleBody, Math.floor(Date.now() / 1000) - 10 * 60));
    expect(r2.status).toBe(401);
    const after = mention(question);
    await post(eventEnvelope(after.event), 'application/json');
    await slackApi.waitFor(() => postsIn('CINKOOP', after.ts).length > 0);
    expect(postsIn('CINKOOP', forged.ts)).toHaveLength(0);
    expect(postsIn('CINKOOP', stale.ts)).toHaveLength(0);
  });

  it('stores 👍 feedback from the button with question, answer, sources and user', async () => {
    const m = mention(question);
    await post(eventEnvelope(m.event), 'application/json');
    const [reply] = await slackApi.waitFor(() => postsIn('CINKOOP', m.ts).length > 0 && postsIn('CINKOOP', m.ts));
    const actions = (reply!.args.blocks as { type: string; elements?: { action_id: string; value: string }[] }[]).find((b) => b.type === 'actions')!;
    const up = actions.elements!.find((e) => e.action_id === 'wegwijzer_feedback_up')!;
    const payload = {
      type: 'block_actions',
      team: { id: 'TREGIO' },
      user: { id: 'UBOB', name: 'bob' },
      api_app_id: 'AWEG',
      container: { type: 'message', message_ts: '1', channel_id: 'CINKOOP' },
      channel: { id: 'CINKOOP', name: 'inkoop' },
      message: { ts: '1732500999.000100', thread_ts: m.ts, text: 'answer' },
      trigger_id: '1.2.3',
      response_url: `${slackApi.responseUrlBase}/fb`,
      actions: [{ type: 'button', action_id: up.action_id, block_id: 'wegwijzer_feedback', value: up.value, action_ts: '1' }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await post(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    await slackApi.waitFor(() => slackApi.callsTo('chat.postEphemeral').some((c) => c.args.user === 'UBOB'));
    const stored = feedback.list().filter((f) => f.userId === 'UBOB');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.rating).toBe('up');
    expect(stored[0]!.answer.question).toBe(question);
    expect(stored[0]!.answer.sources[0]!.title).toBe(nvoQuestion.title);
    expect(stored[0]!.answer.answerText).toContain('[1]');
    expect(stored[0]!.answer.channel).toBe('slack');
  });

  it('passes the earlier turns of the thread to a follow-up mention in that thread', async () => {
    const first = mention(question);
    await post(eventEnvelope(first.event), 'application/json');
    await slackApi.waitFor(() => postsIn('CINKOOP', first.ts).length > 0);
    const followTs = `1732500000.${String(++seq).padStart(6, '0')}`;
    const follow = { type: 'app_mention', user: 'UANNE', text: `<@${slackApi.botUserId}> en waar is dat?`, ts: followTs, thread_ts: first.ts, channel: 'CINKOOP', event_ts: followTs };
    await post(eventEnvelope(follow), 'application/json');
    await slackApi.waitFor(() => postsIn('CINKOOP', first.ts).length > 1);
    const seen = assistant.asked.find((a) => a.text === 'en waar is dat?')!;
    expect(seen.context.history?.[0]).toEqual({ role: 'user', text: question });
    expect(seen.context.history?.[1]?.role).toBe('assistant');
    expect(postsIn('CINKOOP', first.ts).map((c) => c.args.thread_ts)).toEqual([first.ts, first.ts]);
  });

  it('welcomes a person once on their first direct message, then answers it', async () => {
    const dm = (text: string) => {
      const ts = `1732600000.${String(++seq).padStart(6, '0')}`;
      return { ts, event: { type: 'message', channel_type: 'im', channel: 'DCAROL', user: 'UCAROL', text, ts, event_ts: ts, client_msg_id: `c${seq}` } };
    };
    const a = dm(question);
    await post(eventEnvelope(a.event), 'application/json');
    await slackApi.waitFor(() => postsIn('DCAROL').length >= 2);
    const b = dm('help');
    await post(eventEnvelope(b.event), 'application/json');
    await slackApi.waitFor(() => postsIn('DCAROL').length >= 3);
    const texts = postsIn('DCAROL').map((c) => String(c.args.text));
    expect(texts).toHaveLength(3);
    expect(texts[0]).toMatch(/Ik ben Wegwijzer/);
    expect(texts[0]).toContain('documenten');
    expect(texts[1]).toContain(nvoQuestion.title);
    expect(texts[2]).not.toBe(texts[0]);
    // Direct messages are answered in the chat itself, not in a thread.
    expect(postsIn('DCAROL').every((c) => c.args.thread_ts === undefined)).toBe(true);
  });

  it('introduces itself privately, once, to someone joining a channel', async () => {
    const join = () => ({ type: 'member_joined_channel', user: 'UDAVE', channel: 'CINKOOP', channel_type: 'C', team: 'TREGIO', event_ts: `1732700000.${++seq}` });
    await post(eventEnvelope(join()), 'application/json');
    await slackApi.waitFor(() => slackApi.callsTo('chat.postEphemeral').some((c) => c.args.user === 'UDAVE'));
    await post(eventEnvelope({ ...join(), channel: 'COTHER' }), 'application/json');
    const marker = mention(question);
    await post(eventEnvelope(marker.event), 'application/json');
    await slackApi.waitFor(() => postsIn('CINKOOP', marker.ts).length > 0);
    const welcomes = slackApi.callsTo('chat.postEphemeral').filter((c) => c.args.user === 'UDAVE');
    expect(welcomes).toHaveLength(1);
    expect(String(welcomes[0]!.args.text)).toMatch(/Ik ben Wegwijzer/);
  });

  it('introduces itself once when someone opens its direct chat for the first time', async () => {
    const opened = () => ({ type: 'app_home_opened', user: 'UFRANK', channel: 'DFRANK', tab: 'messages', event_ts: `1732750000.${++seq}` });
    await post(eventEnvelope(opened()), 'application/json');
    await slackApi.waitFor(() => postsIn('DFRANK').length > 0);
    await post(eventEnvelope(opened()), 'application/json');
    // A first question after opening gets its answer without a second introduction.
    const ts = `1732750001.${String(++seq).padStart(6, '0')}`;
    await post(eventEnvelope({ type: 'message', channel_type: 'im', channel: 'DFRANK', user: 'UFRANK', text: question, ts, event_ts: ts }), 'application/json');
    await slackApi.waitFor(() => postsIn('DFRANK').length >= 2);
    const texts = postsIn('DFRANK').map((c) => String(c.args.text));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/Ik ben Wegwijzer/);
    expect(texts[0]).toContain(nvoQuestion.title);
    expect(texts[1]).toContain(nvoQuestion.fact);
  });

  it('acknowledges the slash command at once and answers through response_url', async () => {
    const body = new URLSearchParams({
      token: 'legacy', team_id: 'TREGIO', channel_id: 'CINKOOP', user_id: 'UERIK', command: '/wegwijzer', text: question,
      response_url: `${slackApi.responseUrlBase}/cmd1`, trigger_id: '9.9.9', api_app_id: 'AWEG',
    }).toString();
    const res = await post(body, 'application/x-www-form-urlencoded');
    expect(res.status).toBe(200);
    const ack = (await res.json()) as { text: string; response_type: string };
    expect(ack.response_type).toBe('ephemeral');
    expect(ack.text).toMatch(/zoeken/i);
    const answered = await slackApi.waitFor(() => slackApi.responses.find((r) => r.path === '/response-url/cmd1'));
    expect(answered.body.response_type).toBe('in_channel');
    expect(JSON.stringify(answered.body.blocks)).toContain(nvoQuestion.title);
  });
});
