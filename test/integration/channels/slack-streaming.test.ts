// Streamed answers in Slack and Teams: the real Assistant with the LLM answerer (ANSWERER=llm) over the
// seed corpus, its model reached through the real LangChain OpenAI client at a local fake OpenAI server
// that streams its reply word by word. The model invents a date; the grounding check drops that
// sentence, and neither a partial nor the final message may show it. Slack: one threaded post, edited
// with chat.update, the final one with sources and buttons. Teams: typing renewed, the final card.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel } from '../../../src/channels/slack/slack-app.js';
import { escapeMrkdwn } from '../../../src/channels/slack/slack-blocks.js';
import { createTeamsChannel } from '../../../src/channels/teams/teams-bot.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FeedbackStore } from '../../../src/feedback/feedback-store.js';
import { createHttpServer, listen, type RunningServer } from '../../../src/server/http-server.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.js';
import { startFakeOpenAIServer, type FakeChatServer, type RecordedRequest, type ScriptedReply } from '../../support/fake-openai-server.js';
import { startFakeSlackApi, type FakeSlackApi, type RecordedSlackCall } from '../../support/fake-slack-api.js';
import { bootstrapSeedRuntime, nvoQuestion, recordingAssistant, type SeedRuntime } from './real-assistant.js';

const signingSecret = 'streaming-test-secret';
const inventedDate = '14 februari 2031';

let chat: FakeChatServer;
let slackApi: FakeSlackApi;
let connector: FakeBotConnector;
let server: RunningServer;
let db: Db;
let dir: string;
let seed: SeedRuntime;
let assistant: ReturnType<typeof recordingAssistant>;

/**
 * The scripted model: cites the supplied passage that holds the fact (whatever number retrieval gave
 * it), adds a sentence with a date no passage has, then a second supported sentence.
 */
function modelReply(req: RecordedRequest): ScriptedReply {
  const prompt = req.body.messages?.map((m) => m.content).join('\n') ?? '';
  const passages = [...prompt.matchAll(/<<<PASSAGE (\d+) (\S+)>>>([\s\S]*?)<<<EINDE PASSAGE \1 \2>>>/g)];
  const hit = passages.find((p) => p[3]!.includes(nvoQuestion.fact));
  if (!hit) return { content: 'NOT_IN_DOCUMENTS' };
  const n = hit[1];
  return {
    content:
      `De NvO is op ${nvoQuestion.fact} in VNG-verband vastgesteld [${n}]. ` +
      `Op ${inventedDate} is de NvO opnieuw bekrachtigd [${n}]. ` +
      `Met de NvO zijn gemeenten verplicht om vast te leggen hoe zij in de regio samenwerken [${n}].`,
    pieceDelayMs: 15,
  };
}

function sign(body: string) {
  const ts = Math.floor(Date.now() / 1000);
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': 'v0=' + crypto.createHmac('sha256', signingSecret).update(`v0:${ts}:${body}`).digest('hex') };
}

const shown = (c: RecordedSlackCall) => `${String(c.args.text ?? '')}\n${JSON.stringify(c.args.blocks ?? [])}`;

beforeAll(async () => {
  chat = await startFakeOpenAIServer();
  chat.respondWith(modelReply);
  seed = await bootstrapSeedRuntime({
    ANSWERER: 'llm',
    CHAT_PROVIDER: 'openai',
    CHAT_MODEL: 'gpt-test',
    OPENAI_API_KEY: 'sk-test-not-a-real-key',
    OPENAI_BASE_URL: `${chat.origin}/v1`,
    CHAT_TIMEOUT_MS: '10000',
    CHAT_MAX_RETRIES: '0',
  });
  assistant = recordingAssistant(seed.assistant);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-streaming-'));
  db = openDatabase(path.join(dir, 'test.db'));
  const feedback = new FeedbackStore(db);
  slackApi = await startFakeSlackApi();
  connector = await startFakeBotConnector();
  const slack = createSlackChannel({
    config: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: undefined, SLACK_SOCKET_MODE: false, SLACK_SLASH_COMMAND: '/wegwijzer', SLACK_API_URL: slackApi.apiUrl },
    assistant,
    feedback,
    db,
    logger: silentLogger,
    // Short, so that the edits between the first post and the final answer happen within the test.
    streamUpdateIntervalMs: 30,
  });
  const teams = createTeamsChannel({
    config: { MICROSOFT_APP_ID: undefined, MICROSOFT_APP_PASSWORD: undefined, MICROSOFT_APP_TYPE: 'MultiTenant', MICROSOFT_APP_TENANT_ID: undefined, TEAMS_LOCAL_DEV: true },
    assistant,
    feedback,
    db,
    logger: silentLogger,
    typingIntervalMs: 0,
  });
  server = await listen(createHttpServer({ logger: silentLogger, routes: [...slack.routes, ...teams.routes], health: () => ({}) }), 0, '127.0.0.1');
});

afterAll(async () => {
  await server?.close();
  await slackApi?.close();
  await connector?.close();
  await chat?.close();
  db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  seed?.cleanup();
});

describe('streamed answers', () => {
  it('Slack: posts the first checked partial in the thread, edits it, and ends with the checked answer; the invented date never shows', async () => {
    const ts = '1732500200.000001';
    const body = JSON.stringify({
      token: 'legacy', team_id: 'TREGIO', api_app_id: 'AWEG', type: 'event_callback', event_id: 'EvStream1', event_time: Math.floor(Date.now() / 1000),
      event: { type: 'app_mention', user: 'UANNE', text: `<@${slackApi.botUserId}> ${nvoQuestion.text}`, ts, channel: 'CINKOOP', event_ts: ts },
      authorizations: [{ team_id: 'TREGIO', user_id: slackApi.botUserId, is_bot: true }],
    });
    const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(body) }, body });
    expect(res.status).toBe(200);
    // Done when the working reaction is removed.
    await slackApi.waitFor(() => slackApi.callsTo('reactions.remove').some((c) => c.args.timestamp === ts));

    const reply = assistant.asked.at(-1)!.reply;
    if (reply.kind !== 'answer') throw new Error(`expected an answer, got ${reply.kind}`);
    // The model did write the invented date, and the grounding check dropped it.
    expect(reply.answer.answerer).toBe('llm');
    expect(reply.answer.grounding?.dropped.map((d) => d.sentence).join(' ')).toContain(inventedDate);
    expect(reply.answer.text).toContain(nvoQuestion.fact);

    const posts = slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CINKOOP' && c.args.thread_ts === ts);
    expect(posts).toHaveLength(1);
    const postedTs = posts[0]!.result!.ts;
    const updates = slackApi.callsTo('chat.update').filter((c) => c.args.channel === 'CINKOOP' && c.args.ts === postedTs);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    // The first post is a partial: the checked first sentence, marked as still being written.
    expect(String(posts[0]!.args.text)).toContain(nvoQuestion.fact);
    expect(JSON.stringify(posts[0]!.args.blocks)).toContain('schrijft nog');

    // The final edit is the checked answer with its sources and the feedback buttons.
    const final = updates.at(-1)!;
    expect(String(final.args.text).startsWith(reply.answer.text)).toBe(true);
    const finalBlocks = JSON.stringify(final.args.blocks);
    expect(finalBlocks).toContain(JSON.stringify(escapeMrkdwn(reply.answer.text)).slice(1, -1));
    expect(finalBlocks).toContain(`[1] ${nvoQuestion.title}`);
    expect(finalBlocks).toContain('wegwijzer_feedback_up');
    expect(finalBlocks).not.toContain('schrijft nog');

    for (const call of [...posts, ...updates]) expect(shown(call)).not.toContain(inventedDate);
  });

  it('Teams: renews the typing indicator while the answer streams, then sends the checked answer as one card', async () => {
    const conversation = { id: 'a:personal-streaming', conversationType: 'personal' };
    const res = await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: 'stream-1', channelId: 'msteams', serviceUrl: connector.serviceUrl, from: { id: '29:anne', aadObjectId: 'aad-anne' }, recipient: { id: '28:bot' }, conversation, text: nvoQuestion.text, locale: 'nl-NL' }),
    });
    expect(res.status).toBeLessThan(300);
    const sent = connector.sent.filter((s) => s.conversationId === conversation.id);
    const cardAt = sent.findIndex((s) => s.activity.attachments?.length);
    expect(cardAt).toBeGreaterThan(0);
    // The first typing indicator goes out before the question is handled; more follow while it streams.
    const typingBeforeCard = sent.slice(0, cardAt).filter((s) => s.activity.type === 'typing');
    expect(typingBeforeCard.length).toBeGreaterThanOrEqual(2);
    expect(sent.filter((s) => s.activity.attachments?.length)).toHaveLength(1);
    const reply = assistant.asked.at(-1)!.reply;
    if (reply.kind !== 'answer') throw new Error(`expected an answer, got ${reply.kind}`);
    const card = JSON.stringify(sent[cardAt]!.activity.attachments![0]!.content);
    expect(card).toContain(JSON.stringify(reply.answer.text).slice(1, -1));
    expect(card).not.toContain(inventedDate);
  });
});
