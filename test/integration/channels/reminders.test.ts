// Milestone reminders delivered through the real scheduler and SQLite store to Slack (fake Web API)
// and Teams (fake connector), once per occurrence, with working done/move controls. The controls call
// a ReminderActions implementation over the same real milestone store.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSlackChannel } from '../../../src/channels/slack/slack-app.js';
import { createSlackReminderSender, slackReminderActions } from '../../../src/channels/slack/slack-reminders.js';
import { createTeamsChannel, type TeamsChannel } from '../../../src/channels/teams/teams-bot.js';
import { createTeamsReminderSender, teamsReminderSubmitHandler } from '../../../src/channels/teams/teams-reminders.js';
import { silentLogger } from '../../../src/core/logger.js';
import { FeedbackStore } from '../../../src/feedback/feedback-store.js';
import type { Milestone } from '../../../src/milestones/milestone.js';
import { confirmedMilestone } from '../milestones/helpers.js';
import { createSqliteMilestoneStore, type SqliteMilestoneStore } from '../../../src/milestones/milestone-store.js';
import { createReminderScheduler, idempotencyKeyFor } from '../../../src/milestones/reminder-scheduler.js';
import { defaultReminderPolicy } from '../../../src/milestones/reminder-schedule.js';
import type { ReminderActionRequest, ReminderActions } from '../../../src/server/reminder-actions.js';
import { createHttpServer, listen, type RunningServer } from '../../../src/server/http-server.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { bootstrapSeedRuntime, type SeedRuntime } from './real-assistant.js';

const signingSecret = 'reminder-test-secret';
const teamsConversation = 'a:personal-projectleider';
let dir: string;
let db: Db;
let store: SqliteMilestoneStore;
let slackApi: FakeSlackApi;
let connector: FakeBotConnector;
let server: RunningServer;
let teams: TeamsChannel;
let seed: SeedRuntime;
let now = new Date('2026-12-07T08:05:00Z');
const applied: ReminderActionRequest[] = [];

// The button handlers' port, implemented over the real milestone store.
const actions: ReminderActions = {
  async apply(request) {
    applied.push(request);
    const m = store.get(request.milestoneId);
    if (!m) return { ok: false, text: `Mijlpaal ${request.milestoneId} bestaat niet.` };
    if (request.action === 'done') store.upsert({ ...m, status: 'done', updated: now.toISOString() });
    if (request.action === 'move' && request.newDate) store.upsert({ ...m, due: { date: request.newDate, precision: 'day', text: request.newDate }, updated: now.toISOString() });
    return { ok: true, text: request.action === 'done' ? `Mijlpaal ${m.id} is afgerond.` : `Mijlpaal ${m.id} is verplaatst naar ${request.newDate}.` };
  },
};

function milestone(id: string, channels: string[]): Milestone {
  return confirmedMilestone({ id, title: 'Inkoopstrategie Verblijf en HSB vastgesteld', channels, source: { kind: 'person', userId: 'UANNE', channel: 'slack' } });
}

function sign(body: string) {
  const ts = Math.floor(Date.now() / 1000);
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': 'v0=' + crypto.createHmac('sha256', signingSecret).update(`v0:${ts}:${body}`).digest('hex') };
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-reminders-'));
  db = openDatabase(path.join(dir, 'test.db'));
  store = createSqliteMilestoneStore(db);
  slackApi = await startFakeSlackApi();
  connector = await startFakeBotConnector();
  seed = await bootstrapSeedRuntime();
  const assistant = seed.assistant;
  const feedback = new FeedbackStore(db);
  const slack = createSlackChannel({
    config: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: undefined, SLACK_SOCKET_MODE: false, SLACK_SLASH_COMMAND: '/wegwijzer', SLACK_API_URL: slackApi.apiUrl },
    assistant, feedback, db, logger: silentLogger, extensions: [slackReminderActions(actions)],
  });
  teams = createTeamsChannel({
    config: { MICROSOFT_APP_ID: undefined, MICROSOFT_APP_PASSWORD: undefined, MICROSOFT_APP_TYPE: 'MultiTenant', MICROSOFT_APP_TENANT_ID: undefined, TEAMS_LOCAL_DEV: true },
    assistant, feedback, db, logger: silentLogger, submitHandlers: [teamsReminderSubmitHandler(actions, silentLogger)],
  });
  server = await listen(createHttpServer({ logger: silentLogger, routes: [...slack.routes, ...teams.routes], health: () => ({}) }), 0, '127.0.0.1');
  // The project lead has talked to Wegwijzer in Teams before: that conversation is known.
  await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', id: 'hello', channelId: 'msteams', serviceUrl: connector.serviceUrl, from: { id: '29:lead', aadObjectId: 'aad-lead' }, recipient: { id: '28:bot' }, conversation: { id: teamsConversation, conversationType: 'personal' }, text: 'help' }),
  });
  store.upsert(milestone('m1', ['slack:CPROJECT', `teams:${teamsConversation}`]));

  const scheduler = createReminderScheduler({
    store,
    senders: [createSlackReminderSender({ client: slack.client, db, logger: silentLogger }), createTeamsReminderSender({ teams, db, logger: silentLogger })],
    clock: { now: () => now },
    policy: defaultReminderPolicy,
    logger: silentLogger,
  });
  await scheduler.tick();
  now = new Date('2026-12-07T09:30:00Z');
  await scheduler.tick();
});

afterAll(async () => {
  await server?.close();
  await slackApi?.close();
  await connector?.close();
  db?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  seed?.cleanup();
});

describe('reminders in Slack and Teams', () => {
  it('posts the 14-day reminder once to the Slack channel, with controls and the idempotency key as metadata', async () => {
    const posts = slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CPROJECT');
    expect(posts).toHaveLength(1);
    expect(String(posts[0]!.args.text)).toContain('Inkoopstrategie Verblijf en HSB vastgesteld');
    const blocks = JSON.stringify(posts[0]!.args.blocks);
    expect(blocks).toContain('wegwijzer_reminder_done');
    expect(blocks).toContain('"initial_date":"2026-12-21"');
    const key = idempotencyKeyFor({ milestoneId: 'm1', occurrenceKey: '2026-12-21:d-14', target: 'slack:CPROJECT' });
    expect(posts[0]!.args.metadata).toMatchObject({ event_type: 'wegwijzer_reminder', event_payload: { key } });
  });

  it('finds an earlier delivery from the message metadata when its own record is gone (crash after posting)', async () => {
    const fresh = openDatabase(path.join(dir, 'fresh.db'));
    const sender = createSlackReminderSender({ client: createSlackChannel({
      config: { SLACK_BOT_TOKEN: 'xoxb-test', SLACK_SIGNING_SECRET: signingSecret, SLACK_APP_TOKEN: undefined, SLACK_SOCKET_MODE: false, SLACK_SLASH_COMMAND: '/wegwijzer', SLACK_API_URL: slackApi.apiUrl },
      assistant: seed.assistant, feedback: new FeedbackStore(fresh), db: fresh, logger: silentLogger,
    }).client, db: fresh, logger: silentLogger });
    const key = idempotencyKeyFor({ milestoneId: 'm1', occurrenceKey: '2026-12-21:d-14', target: 'slack:CPROJECT' });
    const posted = slackApi.callsTo('chat.postMessage').find((c) => c.args.channel === 'CPROJECT')!;
    expect(await sender.findDelivered!('CPROJECT', key)).toBe(posted.result!.ts);
    expect(await sender.findDelivered!('CPROJECT', 'wegwijzer:m9:never:slack:CPROJECT')).toBeUndefined();
    fresh.close();
  });

  it('marks the milestone done from the Slack button and shows the outcome in place of the controls', async () => {
    const post = slackApi.callsTo('chat.postMessage').find((c) => c.args.channel === 'CPROJECT')!;
    const blocks = post.args.blocks as { type: string; block_id?: string }[];
    const actionsBlock = blocks.find((b) => b.type === 'actions')!;
    const payload = {
      type: 'block_actions', team: { id: 'TREGIO' }, user: { id: 'UANNE' }, api_app_id: 'AWEG', trigger_id: '1',
      channel: { id: 'CPROJECT' }, container: { type: 'message', channel_id: 'CPROJECT', message_ts: post.result!.ts },
      message: { ts: post.result!.ts, text: post.args.text, blocks },
      response_url: `${slackApi.responseUrlBase}/r`,
      actions: [{ type: 'button', action_id: 'wegwijzer_reminder_done', block_id: actionsBlock.block_id, value: 'done', action_ts: '1' }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await fetch(`http://127.0.0.1:${server.port}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body) }, body });
    expect(res.status).toBe(200);
    const update = await slackApi.waitFor(() => slackApi.callsTo('chat.update').find((c) => c.args.ts === post.result!.ts));
    expect(applied.at(-1)).toMatchObject({ milestoneId: 'm1', action: 'done', userId: 'slack:UANNE' });
    expect(store.get('m1')!.status).toBe('done');
    const updated = JSON.stringify(update.args.blocks);
    expect(updated).toContain('Mijlpaal m1 is afgerond.');
    expect(updated).not.toContain('wegwijzer_reminder_done');
  });

  it('delivers the reminder proactively to the stored Teams conversation once, and moves it from the card', async () => {
    const cards = connector.messagesTo(teamsConversation).filter((m) => m.activity.attachments?.length);
    expect(cards).toHaveLength(1);
    const card = JSON.stringify(cards[0]!.activity.attachments![0]!.content);
    expect(card).toContain('Inkoopstrategie Verblijf en HSB vastgesteld');
    expect(card).toContain('Input.Date');
    expect((cards[0]!.activity.channelData as { wegwijzerKey?: string }).wegwijzerKey).toBe(idempotencyKeyFor({ milestoneId: 'm1', occurrenceKey: '2026-12-21:d-14', target: `teams:${teamsConversation}` }));

    store.upsert({ ...store.get('m1')!, status: 'open' });
    const submit = { kind: 'wegwijzer-reminder', action: 'move', milestoneId: 'm1', lang: 'nl', newDate: '2027-01-15' };
    await fetch(`http://127.0.0.1:${server.port}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: 'submit-1', channelId: 'msteams', serviceUrl: connector.serviceUrl, from: { id: '29:lead', aadObjectId: 'aad-lead' }, recipient: { id: '28:bot' }, conversation: { id: teamsConversation, conversationType: 'personal' }, value: submit }),
    });
    expect(applied.at(-1)).toMatchObject({ milestoneId: 'm1', action: 'move', newDate: '2027-01-15', userId: 'teams:aad-lead' });
    expect(store.get('m1')!.due.date).toBe('2027-01-15');
    expect(connector.messagesTo(teamsConversation).at(-1)!.activity.text).toBe('Mijlpaal m1 is verplaatst naar 2027-01-15.');
  });
});
