// Teams through the real botbuilder CloudAdapter and the shared server on 127.0.0.1: Bot Framework
// activities are POSTed to /api/messages with a serviceUrl pointing at a fake connector that records
// the bot's replies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsChannel, type TeamsChannel } from '../../../src/channels/teams/teams-bot.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FeedbackStore } from '../../../src/feedback/feedback-store.js';
import { createHttpServer, listen, type RunningServer } from '../../../src/server/http-server.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { startFakeBotConnector, type FakeBotConnector, type RecordedActivity } from '../../support/fake-bot-connector.js';
import { bootstrapSeedRuntime, nvoQuestion, recordingAssistant, type SeedRuntime } from './real-assistant.js';

const question = nvoQuestion.text;
const bot = { id: '28:wegwijzer-bot', name: 'Wegwijzer' };

let connector: FakeBotConnector;
let server: RunningServer;
let securedServer: RunningServer;
let teams: TeamsChannel;
let db: Db;
let dbFile: string;
let feedback: FeedbackStore;
let dir: string;
let seed: SeedRuntime;
let assistant: ReturnType<typeof recordingAssistant>;
let seq = 0;

function activity(conversation: { id: string; conversationType: string }, text: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'message',
    id: `msg-${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: connector.serviceUrl,
    from: { id: '29:anne', name: 'Anne', aadObjectId: 'aad-anne' },
    recipient: bot,
    conversation: { ...conversation, tenantId: 'tenant-regio' },
    text,
    locale: 'nl-NL',
    channelData: { tenant: { id: 'tenant-regio' } },
    ...extra,
  };
}

async function postActivity(target: RunningServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`http://127.0.0.1:${target.port}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

const cardOf = (r: RecordedActivity) => r.activity.attachments?.find((a) => a.contentType === 'application/vnd.microsoft.card.adaptive')?.content as { body: Record<string, unknown>[] } | undefined;

beforeAll(async () => {
  seed = await bootstrapSeedRuntime();
  assistant = recordingAssistant(seed.assistant);
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-teams-'));
  dbFile = path.join(dir, 'test.db');
  db = openDatabase(dbFile);
  feedback = new FeedbackStore(db);
  connector = await startFakeBotConnector();
  teams = createTeamsChannel({
    config: { MICROSOFT_APP_ID: undefined, MICROSOFT_APP_PASSWORD: undefined, MICROSOFT_APP_TYPE: 'MultiTenant', MICROSOFT_APP_TENANT_ID: undefined, TEAMS_LOCAL_DEV: true },
    assistant,
    feedback,
    db,
    logger: silentLogger,
  });
  server = await listen(createHttpServer({ logger: silentLogger, routes: teams.routes, health: () => ({}) }), 0, '127.0.0.1');
  const secured = createTeamsChannel({
    config: { MICROSOFT_APP_ID: '00000000-1111-2222-3333-444444444444', MICROSOFT_APP_PASSWORD: 'client-secret-for-tests', MICROSOFT_APP_TYPE: 'MultiTenant', MICROSOFT_APP_TENANT_ID: undefined, TEAMS_LOCAL_DEV: false },
    assistant,
    feedback,
    db,
    logger: silentLogger,
  });
  securedServer = await listen(createHttpServer({ logger: silentLogger, routes: secured.routes, health: () => ({}) }), 0, '127.0.0.1');
});

afterAll(async () => {
  await server?.close();
  await securedServer?.close();
  await connector?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  seed?.cleanup();
});

describe('Teams over /api/messages', () => {
  it('answers a channel mention with the mention stripped, a typing indicator and an Adaptive Card with the sources', async () => {
    const conversation = { id: '19:inkoop@thread.tacv2;messageid=1732500000000', conversationType: 'channel' };
    const res = await postActivity(
      server,
      activity(conversation, `<at>Wegwijzer</at> ${question}`, {
        entities: [{ type: 'mention', text: '<at>Wegwijzer</at>', mentioned: bot }],
        channelData: { tenant: { id: 'tenant-regio' }, team: { id: '19:team-jeugd@thread.tacv2' }, channel: { id: '19:inkoop@thread.tacv2' } },
      }),
    );
    expect(res.status).toBe(200);
    expect(assistant.asked.at(-1)!.text).toBe(question);
    const sent = connector.sent.filter((s) => s.conversationId === conversation.id);
    expect(sent.map((s) => s.activity.type)).toEqual(['typing', 'message']);
    const card = cardOf(sent[1]!)!;
    const json = JSON.stringify(card);
    expect(json).toMatch(new RegExp(`${nvoQuestion.fact}.*\\[1\\]`));
    expect(json).toContain(`[1] ${nvoQuestion.title} · ${nvoQuestion.date}`);
    expect(json).toContain('Action.Submit');
    // The reply goes to the question's conversation, as a reply to the question.
    expect(sent[1]!.replyToId).toBeDefined();
  });

  it('stores the conversation reference, so a proactive message reaches it after a restart', async () => {
    const conversation = { id: 'a:personal-anne', conversationType: 'personal' };
    await postActivity(server, activity(conversation, question));
    const stored = teams.conversations.get(conversation.id);
    expect(stored?.reference.serviceUrl).toBe(connector.serviceUrl);
    expect(stored?.userId).toBe('aad-anne');

    // A fresh channel over the same database file stands for a restarted process.
    const reopened = openDatabase(dbFile);
    const restarted = createTeamsChannel({
      config: { MICROSOFT_APP_ID: undefined, MICROSOFT_APP_PASSWORD: undefined, MICROSOFT_APP_TYPE: 'MultiTenant', MICROSOFT_APP_TENANT_ID: undefined, TEAMS_LOCAL_DEV: true },
      assistant,
      feedback: new FeedbackStore(reopened),
      db: reopened,
      logger: silentLogger,
    });
    const before = connector.messagesTo(conversation.id).length;
    await restarted.sendProactive(conversation.id, { type: 'message', text: 'Herinnering: mijlpaal 3 over 7 dagen' });
    const after = connector.messagesTo(conversation.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)!.activity.text).toBe('Herinnering: mijlpaal 3 over 7 dagen');
    reopened.close();
  });

  it('welcomes once in a personal chat and stores 👍 feedback sent from the card', async () => {
    const conversation = { id: 'a:personal-bram', conversationType: 'personal' };
    const from = { id: '29:bram', name: 'Bram', aadObjectId: 'aad-bram' };
    await postActivity(server, activity(conversation, question, { from }));
    await postActivity(server, activity(conversation, question, { from }));
    const messages = connector.messagesTo(conversation.id);
    const welcomes = messages.filter((m) => /Ik ben Wegwijzer/.test(m.activity.text ?? ''));
    expect(welcomes).toHaveLength(1);
    const answer = messages.find((m) => cardOf(m))!;
    const submit = JSON.stringify(cardOf(answer));
    const data = JSON.parse(/"data":(\{[^}]*"rating":"up"[^}]*\})/.exec(submit)![1]!) as Record<string, string>;
    await postActivity(server, activity(conversation, '', { from, text: undefined, value: data }));
    const stored = feedback.list().filter((f) => f.userId === 'aad-bram');
    expect(stored).toHaveLength(1);
    expect(stored[0]!.rating).toBe('up');
    expect(stored[0]!.answer.question).toBe(question);
    expect(stored[0]!.answer.sources[0]!.title).toBe(nvoQuestion.title);
    expect(connector.messagesTo(conversation.id).at(-1)!.activity.text).toMatch(/Bedankt voor je feedback/);
  });

  it('introduces itself once when added to a team channel', async () => {
    const conversation = { id: '19:nieuw@thread.tacv2', conversationType: 'channel' };
    const added = (id: string) => ({ ...activity(conversation, ''), type: 'conversationUpdate', text: undefined, membersAdded: [{ id }] });
    await postActivity(server, added(bot.id));
    await postActivity(server, added(bot.id));
    const welcomes = connector.messagesTo(conversation.id).filter((m) => /Ik ben Wegwijzer/.test(m.activity.text ?? ''));
    expect(welcomes).toHaveLength(1);
    expect(welcomes[0]!.activity.text).toContain(nvoQuestion.title);
    // A colleague who joins later is introduced once, also when the update is delivered again.
    const person = { id: '29:carla', aadObjectId: 'aad-carla' };
    const joined = () => ({ ...activity(conversation, ''), type: 'conversationUpdate', text: undefined, membersAdded: [person] });
    await postActivity(server, joined());
    await postActivity(server, joined());
    expect(connector.messagesTo(conversation.id).filter((m) => /Ik ben Wegwijzer/.test(m.activity.text ?? ''))).toHaveLength(2);
  });

  it('rejects an unauthenticated request with 401 when app id and password are configured, without answering', async () => {
    const conversation = { id: 'a:personal-intruder', conversationType: 'personal' };
    const res = await postActivity(securedServer, activity(conversation, question));
    expect(res.status).toBe(401);
    expect(connector.sent.filter((s) => s.conversationId === conversation.id)).toHaveLength(0);
    const forged = await postActivity(securedServer, activity(conversation, question), { authorization: 'Bearer not-a-real-token' });
    expect(forged.status).toBe(401);
    expect(connector.sent.filter((s) => s.conversationId === conversation.id)).toHaveLength(0);
  });
});
