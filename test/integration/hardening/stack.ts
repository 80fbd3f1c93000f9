// The real product on 127.0.0.1 for hardening tests and the load bench: bootstrap over a copy of the
// seed corpus (plus extra documents), the shared HTTP server from startChannels with Slack (HTTP
// events, signed) and Teams, a fake Slack Web API and a fake Bot Framework connector.
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from '../../../src/config/config.js';
import { bootstrap, type Runtime } from '../../../src/core/bootstrap.js';
import { silentLogger, type Logger } from '../../../src/core/logger.js';
import { startChannels, type StartedChannels } from '../../../src/server/start-channels.js';
import { databasePath, openDatabase, type Db } from '../../../src/storage/database.js';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.js';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.js';

export const repoRoot = path.resolve(import.meta.dirname, '../../..');
export const signingSecret = 'hardening-signing-secret-5c1e';

export interface ExtraDocument {
  file: string;
  text: string;
  title: string;
  date?: string;
  region?: string;
}

export interface Stack {
  runtime: Runtime;
  started: StartedChannels;
  db: Db;
  slackApi: FakeSlackApi;
  connector: FakeBotConnector;
  /** http://127.0.0.1:<port> */
  base: string;
  dir: string;
  close(): Promise<void>;
}

export interface StackOptions {
  env?: Record<string, string>;
  documents?: ExtraDocument[];
  logger?: Logger;
  /** Runs after the fakes exist, before the channels are created (e.g. to point the Bot Framework SDK at a local OpenID server). */
  beforeChannels?: () => void | Promise<void>;
  slackApi?: FakeSlackApi;
}

/** A copy of corpus/ with the extra documents added to it and to its catalog. */
export function corpusWith(dir: string, documents: ExtraDocument[]): string {
  const corpus = path.join(dir, 'corpus');
  fs.cpSync(path.join(repoRoot, 'corpus'), corpus, { recursive: true });
  const catalogFile = path.join(corpus, 'catalog.json');
  const catalog = JSON.parse(fs.readFileSync(catalogFile, 'utf8')) as Record<string, unknown>[];
  for (const d of documents) {
    fs.writeFileSync(path.join(corpus, d.file), d.text);
    catalog.push({ file: d.file, title: d.title, type: 'notitie', date: d.date ?? '2024-01', region: d.region ?? 'Testregio' });
  }
  fs.writeFileSync(catalogFile, JSON.stringify(catalog, null, 2));
  return corpus;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-hardening-'));
  const corpus = corpusWith(dir, options.documents ?? []);
  const slackApi = options.slackApi ?? (await startFakeSlackApi());
  const connector = await startFakeBotConnector();
  const logger = options.logger ?? silentLogger;
  const env: Record<string, string> = {
    DATA_DIR: path.join(dir, 'data'),
    CORPUS_DIRS: corpus,
    PORT: '0',
    HOST: '127.0.0.1',
    WEB_CHAT_ENABLED: 'false',
    RATE_LIMIT_PER_MINUTE: '1000',
    SLACK_BOT_TOKEN: 'xoxb-hardening-bot-token',
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slackApi.apiUrl,
    TEAMS_ENABLED: 'true',
    TEAMS_LOCAL_DEV: 'true',
    ...options.env,
  };
  const runtime = await bootstrap({ env, cwd: repoRoot, logger });
  const config = loadConfig(env, repoRoot);
  fs.mkdirSync(config.dataDir, { recursive: true });
  const db = openDatabase(databasePath(config.dataDir));
  await options.beforeChannels?.();
  const started = await startChannels({ config, assistant: runtime.assistant, db, logger, health: () => ({ indexBuiltAt: runtime.corpus.builtAt }) }, { port: 0, host: '127.0.0.1' });
  return {
    runtime,
    started,
    db,
    slackApi,
    connector,
    base: `http://127.0.0.1:${started.server.port}`,
    dir,
    async close() {
      await started.stop();
      await slackApi.close();
      await connector.close();
      db.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function slackSignature(body: string, timestamp = Math.floor(Date.now() / 1000), secret = signingSecret): Record<string, string> {
  const signature = 'v0=' + crypto.createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex');
  return { 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signature };
}

let seq = 0;
/** An app_mention event envelope as Slack sends it; `ts` identifies the question (the reply's thread_ts). */
export function slackMention(botUserId: string, text: string, options: { user?: string; channel?: string } = {}) {
  const ts = `${1_732_500_000 + Math.floor(++seq / 1_000_000)}.${String(seq % 1_000_000).padStart(6, '0')}`;
  const event = { type: 'app_mention', user: options.user ?? 'UANNE', text: `<@${botUserId}> ${text}`.trimEnd(), ts, channel: options.channel ?? 'CINKOOP', event_ts: ts };
  const body = JSON.stringify({
    token: 'legacy',
    team_id: 'TREGIO',
    api_app_id: 'AWEG',
    type: 'event_callback',
    event_id: `EvH${process.pid}x${seq}`,
    event_time: Math.floor(Date.now() / 1000),
    event,
    authorizations: [{ team_id: 'TREGIO', user_id: botUserId, is_bot: true }],
  });
  return { ts, body, channel: event.channel };
}

export async function postSlack(base: string, body: string, headers: Record<string, string> = slackSignature(body)): Promise<Response> {
  return fetch(`${base}/slack/events`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

/** A Teams message activity (personal chat unless a conversation is given). */
export function teamsActivity(serviceUrl: string, text: string, options: { user?: string; conversationId?: string; conversationType?: string } = {}) {
  const user = options.user ?? 'anne';
  return {
    type: 'message',
    id: `msg-${++seq}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl,
    from: { id: `29:${user}`, name: user, aadObjectId: `aad-${user}` },
    recipient: { id: '28:wegwijzer-bot', name: 'Wegwijzer' },
    conversation: { id: options.conversationId ?? `a:personal-${user}`, conversationType: options.conversationType ?? 'personal', tenantId: 'tenant-regio' },
    text,
    locale: 'nl-NL',
    channelData: { tenant: { id: 'tenant-regio' } },
  };
}

export async function postTeams(base: string, activity: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
}
