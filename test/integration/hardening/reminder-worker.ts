// Child process for the kill -9 test: the real reminder scheduler over a real SQLite file, delivering
// through the real Slack reminder sender to a local fake Slack API. Ticks until killed.
// Env: DB_FILE, SLACK_API_URL, CLOCK_ORIGIN (epoch ms at which the test's clock reads CLOCK_AT).
import { webApi } from '@slack/bolt';
import { createSlackReminderSender } from '../../../src/channels/slack/slack-reminders.js';
import { silentLogger } from '../../../src/core/logger.js';
import { createSqliteMilestoneStore } from '../../../src/milestones/milestone-store.js';
import { createReminderScheduler } from '../../../src/milestones/reminder-scheduler.js';
import { defaultReminderPolicy } from '../../../src/milestones/reminder-schedule.js';
import { openDatabase } from '../../../src/storage/database.js';

const db = openDatabase(process.env.DB_FILE!);
const store = createSqliteMilestoneStore(db);
const client = new webApi.WebClient('xoxb-kill-test-token', { slackApiUrl: process.env.SLACK_API_URL, rejectRateLimitedCalls: true, retryConfig: { retries: 0 } });
const sender = createSlackReminderSender({ client: client as never, db, logger: silentLogger });
// Test time moves with real time, continuously across restarts, so leases of a killed process expire.
const offset = Date.parse(process.env.CLOCK_AT!) - Number(process.env.CLOCK_ORIGIN);
const scheduler = createReminderScheduler({
  store,
  senders: [sender],
  clock: { now: () => new Date(Date.now() + offset) },
  policy: defaultReminderPolicy,
  logger: silentLogger,
  leaseMs: 500,
  baseBackoffMs: 100,
});

process.stdout.write('ready\n');
for (;;) {
  const report = await scheduler.tick();
  process.stdout.write(`${JSON.stringify(report)}\n`);
  await new Promise((r) => setTimeout(r, 20));
}
