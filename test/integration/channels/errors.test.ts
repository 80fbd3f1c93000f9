// One error path for every channel: a real failure (the database closed under the running server)
// reaches the user as userMessageFor(error, language) and the log as the coded detail.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/core/logger.js';
import { AppError, userMessageFor } from '../../../src/errors/app-error.js';
import { startChannels, type StartedChannels } from '../../../src/server/start-channels.js';
import { openDatabase, type Db } from '../../../src/storage/database.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';
import { bootstrapSeedRuntime, nvoQuestion, type SeedRuntime } from './real-assistant.js';

const signingSecret = 'errors-test-secret';
const logLines: string[] = [];
let seed: SeedRuntime;
let db: Db;
let dir: string;
let slackApi: FakeSlackApi;
let started: StartedChannels;

beforeAll(async () => {
  seed = await bootstrapSeedRuntime();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-errors-'));
  db = openDatabase(path.join(dir, 'test.db'));
  slackApi = await startFakeSlackApi();
  const config = loadConfig({ DATA_DIR: dir, PORT: '0', SLACK_BOT_TOKEN: 'xoxb-secret-token-123', SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: slackApi.apiUrl });
  const logger = createLogger('error', {}, (line) => logLines.push(line));
  started = await startChannels({ config, assistant: seed.assistant, db, logger }, { port: 0, host: '127.0.0.1' });
  db.close(); // the failure: every SQLite call from here on throws
});

afterAll(async () => {
  await started?.stop();
  await slackApi?.close();
  fs.rmSync(dir, { recursive: true, force: true });
  seed?.cleanup();
});

describe('central error handling', () => {
  it('web: the asker gets the coded message in their language, the log the detail', async () => {
    const ask = (question: string) =>
      fetch(`http://127.0.0.1:${started.server.port}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) });
    const nl = await ask(nvoQuestion.text);
    expect(nl.status).toBe(500);
    expect(((await nl.json()) as { text: string }).text).toBe(userMessageFor(new AppError('DATABASE', ''), 'nl'));
    const en = await ask('When was the NvO adopted by the VNG?');
    expect(((await en.json()) as { text: string }).text).toBe(userMessageFor(new AppError('DATABASE', ''), 'en'));
    const logged = logLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'web ask failed');
    expect(logged).toMatchObject({ level: 'error', code: 'DATABASE' });
  });

  it('slack: the thread gets the coded message, and no secret reaches the log', async () => {
    const ts = '1732800000.000100';
    const body = JSON.stringify({ type: 'event_callback', team_id: 'TREGIO', event_id: 'EvErr1', event: { type: 'app_mention', user: 'UANNE', text: `<@${slackApi.botUserId}> ${nvoQuestion.text}`, ts, channel: 'CERR', event_ts: ts } });
    const now = Math.floor(Date.now() / 1000);
    const signature = 'v0=' + crypto.createHmac('sha256', signingSecret).update(`v0:${now}:${body}`).digest('hex');
    const res = await fetch(`http://127.0.0.1:${started.server.port}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-slack-request-timestamp': String(now), 'x-slack-signature': signature },
      body,
    });
    expect(res.status).toBe(200);
    const post = await slackApi.waitFor(() => slackApi.callsTo('chat.postMessage').find((c) => c.args.channel === 'CERR'));
    expect(post.args.text).toBe(userMessageFor(new AppError('DATABASE', ''), 'nl'));
    expect(post.args.thread_ts).toBe(ts);
    expect(logLines.some((l) => l.includes('"code":"DATABASE"') && l.includes('slack answer failed'))).toBe(true);
    expect(logLines.join('\n')).not.toContain('xoxb-secret-token-123');
  });
});
