// Slack over HTTP, hardened: forged, missing, stale and future-dated requests are refused (401) and
// never answered; a 429 with Retry-After from the Slack Web API is honoured when posting an answer
// (Bolt's client waits and retries) and when delivering a reminder (the outbox reschedules the row no
// earlier than Retry-After, and the reminder is posted exactly once in the end).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLogger } from '../../../src/core/logger.js';
import { confirmedMilestone } from '../milestones/helpers.js';
import { createSqliteMilestoneStore } from '../../../src/milestones/milestone-store.js';
import { createReminderScheduler } from '../../../src/milestones/reminder-scheduler.js';
import { defaultReminderPolicy } from '../../../src/milestones/reminder-schedule.js';
import { channelReminderSenders } from '../../../src/server/start-channels.js';
import { startFakeSlackApi } from '../../support/fake-slack-api.js';
import { postSlack, slackMention, slackSignature, startStack, type Stack } from './stack.js';
import { startThrottlingProxy, type ThrottlingProxy } from './throttling-slack-proxy.js';

const question = 'Wanneer is de NvO in VNG-verband vastgesteld?';
let stack: Stack;
let proxy: ThrottlingProxy;

beforeAll(async () => {
  const slackApi = await startFakeSlackApi();
  proxy = await startThrottlingProxy(slackApi.apiUrl);
  stack = await startStack({ slackApi, env: { SLACK_API_URL: proxy.apiUrl } });
}, 120_000);

afterAll(async () => {
  await stack?.close();
  await proxy?.close();
});

const answersTo = (ts: string) => stack.slackApi.callsTo('chat.postMessage').filter((c) => c.args.thread_ts === ts);

describe('Slack request signatures', () => {
  it('refuses forged, missing, stale and future-dated requests with 401 and answers none of them', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases: [string, ReturnType<typeof slackMention>, (body: string) => Record<string, string>][] = [
      ['forged', slackMention(stack.slackApi.botUserId, question), (b) => slackSignature(b, now, 'not-the-signing-secret')],
      ['missing', slackMention(stack.slackApi.botUserId, question), () => ({})],
      ['signature only', slackMention(stack.slackApi.botUserId, question), (b) => ({ 'x-slack-signature': slackSignature(b)['x-slack-signature']! })],
      ['stale', slackMention(stack.slackApi.botUserId, question), (b) => slackSignature(b, now - 6 * 60)],
      ['future', slackMention(stack.slackApi.botUserId, question), (b) => slackSignature(b, now + 6 * 60)],
      ['garbage timestamp', slackMention(stack.slackApi.botUserId, question), (b) => ({ ...slackSignature(b), 'x-slack-request-timestamp': '1e12' })],
      ['body changed after signing', slackMention(stack.slackApi.botUserId, question), (b) => slackSignature(b.replace('NvO', 'XYZ'))],
    ];
    for (const [name, m, headers] of cases) {
      const res = await postSlack(stack.base, m.body, headers(m.body));
      expect(res.status, name).toBe(401);
    }
    // A correctly signed request afterwards is answered, so the refusals above were not a broken server.
    const good = slackMention(stack.slackApi.botUserId, question);
    expect((await postSlack(stack.base, good.body)).status).toBe(200);
    await stack.slackApi.waitFor(() => answersTo(good.ts).length > 0);
    for (const [name, m] of cases) expect(answersTo(m.ts), name).toHaveLength(0);
  });
});

describe('Slack rate limits (429 with Retry-After)', () => {
  it('posts the answer after waiting the Retry-After, once', async () => {
    const m = slackMention(stack.slackApi.botUserId, question, { user: 'UTHROTTLED' });
    proxy.throttle('chat.postMessage', 1, 1);
    expect((await postSlack(stack.base, m.body)).status).toBe(200);
    await stack.slackApi.waitFor(() => answersTo(m.ts).length > 0, 30_000);
    const posts = proxy.attempts.filter((a) => a.method === 'chat.postMessage');
    const throttled = posts.findIndex((a) => a.throttled);
    expect(throttled).toBeGreaterThanOrEqual(0);
    const retry = posts[throttled + 1]!;
    expect(retry.throttled).toBe(false);
    // Honoured: the retry did not come before the second Slack asked for.
    expect(retry.at - posts[throttled]!.at).toBeGreaterThanOrEqual(950);
    expect(answersTo(m.ts)).toHaveLength(1);
  });

  it('reschedules a throttled reminder no earlier than Retry-After and delivers it once', async () => {
    const store = createSqliteMilestoneStore(stack.db);
    const milestone = confirmedMilestone({ id: 'm-throttle', title: 'Inkoopstrategie Verblijf vastgesteld', channels: ['slack:CREMIND'], source: { kind: 'person', userId: 'UANNE', channel: 'slack' } });
    store.upsert(milestone);
    let now = new Date('2026-12-07T08:05:00Z');
    const scheduler = createReminderScheduler({
      store,
      senders: channelReminderSenders(() => stack.started, stack.db, silentLogger),
      clock: { now: () => now },
      policy: defaultReminderPolicy,
      logger: silentLogger,
      baseBackoffMs: 100,
    });
    const posted = () => stack.slackApi.callsTo('chat.postMessage').filter((c) => c.args.channel === 'CREMIND');
    proxy.throttle('chat.postMessage', 2, 30);

    const first = await scheduler.tick();
    expect(first.failed).toBe(1);
    const [row] = store.pending('m-throttle');
    // Backoff alone would allow a retry after 100 ms; Slack asked for 30 s.
    expect(Date.parse(row!.nextAttemptAt) - now.getTime()).toBeGreaterThanOrEqual(30_000);
    now = new Date(now.getTime() + 10_000);
    expect((await scheduler.tick()).failed).toBe(0);
    expect(posted()).toHaveLength(0);

    now = new Date(now.getTime() + 21_000);
    expect((await scheduler.tick()).failed).toBe(1);
    expect(store.pending('m-throttle')[0]!.attempts).toBe(2);

    now = new Date(now.getTime() + 31_000);
    const last = await scheduler.tick();
    expect(last.sent).toBe(1);
    expect(posted()).toHaveLength(1);
    // One HTTP call per attempt: the reminder client does not wait and retry inside a tick.
    expect(proxy.attempts.filter((a) => a.method === 'chat.postMessage' && a.throttled).length).toBeGreaterThanOrEqual(3);
    now = new Date(now.getTime() + 3600_000);
    await scheduler.tick();
    expect(posted()).toHaveLength(1);
  });
});
