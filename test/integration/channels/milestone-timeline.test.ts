// The milestone timeline "at a glance" in every channel, through startChannels as npm start composes
// it: GET /api/milestones for the web chat, the Slack App Home tab (views.publish on the fake Slack Web
// API), the Slack reply to "mijlpalen", and the Teams reply to "mijlpalen" as an Adaptive Card (fake
// connector). Real milestone service on SQLite with a fixed clock, real Assistant over the seed corpus.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeItemActionId, slackHomeActions } from '../../../src/channels/slack/slack-home.js';
import { loadConfig } from '../../../src/config/config.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createMilestones, type Milestones } from '../../../src/milestones/create-milestones.js';
import { timeline, type Timeline } from '../../../src/milestones/timeline.js';
import { startChannels, type StartedChannels } from '../../../src/server/start-channels.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { bootstrapSeedRuntime, type SeedRuntime } from './real-assistant.js';

const signingSecret = 'timeline-test-secret';
const now = new Date('2026-11-25T10:00:00Z');
const overdueTitle = 'Contracten Verblijf en HSB gesloten';
const futureTitle = 'Bestuurlijke vaststelling inkoopstrategie Ambulant';
const laterTitle = 'Evaluatie NvO in het regionaal overleg';

let dir: string;
let db: Db;
let milestones: Milestones;
let seed: SeedRuntime;
let slackApi: FakeSlackApi;
let connector: FakeBotConnector;
let started: StartedChannels;
let base: string;

function sign(body: string) {
  const ts = Math.floor(Date.now() / 1000);
  return { 'x-slack-request-timestamp': String(ts), 'x-slack-signature': 'v0=' + crypto.createHmac('sha256', signingSecret).update(`v0:${ts}:${body}`).digest('hex') };
}

async function slackEvent(event: Record<string, unknown>, eventId: string) {
  const body = JSON.stringify({ token: 'legacy', team_id: 'TREGIO', api_app_id: 'AWEG', type: 'event_callback', event_id: eventId, event_time: Math.floor(Date.now() / 1000), event, authorizations: [{ team_id: 'TREGIO', user_id: slackApi.botUserId, is_bot: true }] });
  return fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...sign(body) }, body });
}

/** Every text a block list shows, in order. */
function blockTexts(blocks: unknown): string[] {
  return (blocks as { text?: { text: string }; elements?: { text?: string }[] }[]).flatMap((b) => [b.text?.text, ...(b.elements ?? []).map((e) => e.text)].filter((t): t is string => typeof t === 'string'));
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-timeline-'));
  db = openDatabase(path.join(dir, 'test.db'));
  slackApi = await startFakeSlackApi();
  connector = await startFakeBotConnector();
  const config = loadConfig({
    DATA_DIR: dir,
    PORT: '0',
    HOST: '127.0.0.1',
    SLACK_BOT_TOKEN: 'xoxb-test',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slackApi.apiUrl,
    TEAMS_ENABLED: 'true',
    TEAMS_LOCAL_DEV: 'true',
  });
  milestones = createMilestones({ config, db, logger: silentLogger, clock: { now: () => now } });
  const addedBy = { userId: 'UANNE', channel: 'slack' };
  milestones.service.add({ title: overdueTitle, due: { date: '2026-11-02', precision: 'day', text: '2 november 2026' }, owner: 'Anne', addedBy });
  milestones.service.add({ title: futureTitle, due: { date: '2026-12-15', precision: 'day', text: '15 december 2026' }, addedBy });
  milestones.service.add({ title: laterTitle, due: { date: '2027-03-31', precision: 'quarter', text: 'Q1 2027' }, addedBy });
  seed = await bootstrapSeedRuntime({}, { commandHandlers: [milestones.commandHandler] });
  const milestoneTimeline = (language: 'nl' | 'en') => timeline(milestones.service, now, { language });
  started = await startChannels({
    config,
    assistant: seed.assistant,
    db,
    logger: silentLogger,
    timeline: milestoneTimeline,
    slackExtensions: [slackHomeActions(milestones.actions, milestoneTimeline)],
  });
  base = `http://127.0.0.1:${started.server.port}`;
});

afterAll(async () => {
  await started?.stop();
  await slackApi?.close();
  await connector?.close();
  db?.close();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  seed?.cleanup();
});

describe('milestone timeline at a glance', () => {
  it('serves the timeline to the web chat as JSON: per month, overdue flagged', async () => {
    const res = await fetch(`${base}/api/milestones`);
    expect(res.status).toBe(200);
    const tl = (await res.json()) as Timeline;
    expect(tl.months.map((m) => m.month)).toEqual(['2026-11', '2026-12', '2027-03']);
    expect(tl.months[0]!.label.toLowerCase()).toBe('november 2026');
    const [overdue] = tl.months[0]!.items;
    expect(overdue).toMatchObject({ title: overdueTitle, overdue: true, owner: 'Anne' });
    expect(tl.months[1]!.items[0]).toMatchObject({ title: futureTitle, overdue: false });
    expect(tl.overdueCount).toBe(1);
    expect(tl.openCount).toBe(3);
  });

  it('publishes the Slack App Home tab with month headers and the overdue milestone marked', async () => {
    expect((await slackEvent({ type: 'app_home_opened', user: 'UANNE', channel: 'DANNE', tab: 'home', event_ts: '1732500000.000001' }, 'EvHome1')).status).toBe(200);
    const call = await slackApi.waitFor(() => slackApi.callsTo('views.publish').find((c) => c.args.user_id === 'UANNE'));
    const view = call.args.view as { type: string; blocks: unknown[] };
    expect(view.type).toBe('home');
    const texts = blockTexts(view.blocks);
    const months = ['*november 2026*', '*december 2026*', '*maart 2027*'].map((m) => texts.findIndex((t) => t.toLowerCase() === m));
    expect(months.every((i) => i >= 0)).toBe(true);
    expect([...months].sort((a, b) => a - b)).toEqual(months);
    const overdueLine = texts.find((t) => t.includes(overdueTitle))!;
    expect(overdueLine).toMatch(/^⚠️/);
    expect(overdueLine).toContain('verlopen');
    // The overdue milestone sits under its month, before the next month's header.
    const at = texts.indexOf(overdueLine);
    expect(at).toBeGreaterThan(months[0]!);
    expect(at).toBeLessThan(months[1]!);
    const futureLine = texts.find((t) => t.includes(futureTitle))!;
    expect(futureLine).not.toContain('⚠️');
    // The Messages tab is not a reason to publish the Home tab.
    await slackEvent({ type: 'app_home_opened', user: 'UBOB', channel: 'DBOB', tab: 'messages', event_ts: '1732500000.000002' }, 'EvHome2');
    await slackApi.waitFor(() => slackApi.callsTo('chat.postMessage').some((c) => c.args.channel === 'DBOB'));
    expect(slackApi.callsTo('views.publish').filter((c) => c.args.user_id === 'UBOB')).toHaveLength(0);
  });

  it('marks a milestone done from its menu on the Home tab and publishes the tab again', async () => {
    const before = slackApi.callsTo('views.publish').filter((c) => c.args.user_id === 'UANNE');
    const view = before.at(-1)!.args.view as { blocks: { type: string; block_id?: string; text?: { text: string }; accessory?: { action_id: string; options: { value: string }[] } }[] };
    const future = view.blocks.find((b) => b.text?.text.includes(futureTitle))!;
    expect(future.accessory?.action_id).toBe(homeItemActionId);
    const done = future.accessory!.options.find((o) => o.value.startsWith('done|'))!;
    const id = done.value.split('|')[1]!;
    const payload = {
      type: 'block_actions', team: { id: 'TREGIO' }, user: { id: 'UANNE' }, api_app_id: 'AWEG', trigger_id: '1',
      container: { type: 'view', view_id: 'VHOME' }, view: { id: 'VHOME', type: 'home' },
      actions: [{ type: 'overflow', action_id: homeItemActionId, block_id: future.block_id ?? 'b', selected_option: done, action_ts: '1' }],
    };
    const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
    const res = await fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...sign(body) }, body });
    expect(res.status).toBe(200);
    const republished = await slackApi.waitFor(() => {
      const calls = slackApi.callsTo('views.publish').filter((c) => c.args.user_id === 'UANNE');
      return calls.length > before.length && calls.at(-1);
    });
    expect(milestones.service.get(id)!.status).toBe('done');
    const texts = blockTexts((republished.args.view as { blocks: unknown }).blocks);
    // The outcome on top, and the milestone shown as finished (struck through), no longer open.
    expect(texts.some((t) => t.includes(futureTitle) && t.startsWith('✅ ~'))).toBe(true);
    expect(texts.join('\n')).toContain(id);
    expect(texts.some((t) => /afgerond/i.test(t) && !t.startsWith('✅'))).toBe(true);
  });

  it('shows the timeline as blocks when asked "mijlpalen" in Slack', async () => {
    const ts = '1732500100.000001';
    await slackEvent({ type: 'app_mention', user: 'UANNE', text: `<@${slackApi.botUserId}> mijlpalen`, ts, channel: 'CINKOOP', event_ts: ts }, 'EvList1');
    const post = await slackApi.waitFor(() => slackApi.callsTo('chat.postMessage').find((c) => c.args.channel === 'CINKOOP' && c.args.thread_ts === ts));
    const texts = blockTexts(post.args.blocks);
    expect(texts.find((t) => t.includes(overdueTitle))).toMatch(/^⚠️/);
    expect(texts.some((t) => t.toLowerCase() === '*december 2026*')).toBe(true);
  });

  it('answers "mijlpalen" in Teams with an Adaptive Card timeline', async () => {
    const conversation = { id: 'a:personal-timeline', conversationType: 'personal' };
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'message', id: 'tl-1', channelId: 'msteams', serviceUrl: connector.serviceUrl, from: { id: '29:anne', aadObjectId: 'aad-anne' }, recipient: { id: '28:bot' }, conversation, text: 'mijlpalen', locale: 'nl-NL' }),
    });
    expect(res.status).toBeLessThan(300);
    const reply = await connector.waitFor(() => connector.messagesTo(conversation.id).find((m) => m.activity.attachments?.length));
    const card = reply.activity.attachments![0]!;
    expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
    const containers = (card.content as { body: { type: string; items?: unknown[] }[] }).body.filter((b) => b.type === 'Container');
    expect(containers).toHaveLength(3);
    const first = JSON.stringify(containers[0]);
    expect(first.toLowerCase()).toContain('november 2026');
    expect(first).toContain(overdueTitle);
    expect(first).toContain('"color":"Attention"');
    expect(first).toContain('⚠️');
    const second = JSON.stringify(containers[1]);
    expect(second).toContain(futureTitle);
    expect(second).not.toContain('Attention');
  });
});
