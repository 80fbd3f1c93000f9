// `npm start` as a user runs it (src/main.ts in a child process): with no keys it indexes the seed
// corpus, serves the web chat and prints where; with Teams switched on but no keys it refuses to start
// and names the missing keys.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nvoQuestion, repoRoot } from '../integration/channels/real-assistant.js';

const tsx = path.join(repoRoot, 'node_modules/.bin/tsx');
const dirs: string[] = [];
const children: ChildProcess[] = [];

afterAll(() => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** The environment of a fresh clone: no channel or model keys. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(SLACK_|MICROSOFT_|TEAMS_|OPENAI_|AZURE_|CHAT_|ANSWERER|EMBEDDER|PORT|HOST|DATA_DIR|CORPUS_DIRS|WEB_CHAT)/.test(k)));
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-start-'));
  dirs.push(dataDir);
  return { ...env, DATA_DIR: dataDir, LOG_LEVEL: 'warn', SCHEDULER_ENABLED: 'false', ...extra };
}

function run(env: NodeJS.ProcessEnv) {
  const child = spawn(tsx, ['src/main.ts'], { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('npm start', () => {
  it('with no keys serves the web chat on the printed URL and answers from the seed corpus', async () => {
    const p = run(cleanEnv({ PORT: '0' }));
    const deadline = Date.now() + 120_000;
    while (!/draait op http:\/\/localhost:\d+/.test(p.out())) {
      if (p.child.exitCode !== null) throw new Error(`npm start exited early: ${p.err()}`);
      if (Date.now() > deadline) throw new Error(`no start-up line; stdout: ${p.out()} stderr: ${p.err()}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const url = /draait op (http:\/\/localhost:\d+)/.exec(p.out())![1]!.replace('localhost', '127.0.0.1');
    expect(p.out()).toMatch(/kanalen: web/);

    const health = (await (await fetch(`${url}/healthz`)).json()) as { ok: boolean; documents: number; channels: string[] };
    expect(health).toMatchObject({ ok: true, documents: 5, channels: ['web'] });
    const page = await fetch(`${url}/`);
    expect(await page.text()).toContain('<title>Wegwijzer');
    const reply = (await (await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: nvoQuestion.text }) })).json()) as {
      kind: string;
      answer: { text: string; citations: { title: string }[] };
    };
    expect(reply.kind).toBe('answer');
    expect(reply.answer.text).toContain(nvoQuestion.fact);
    expect(reply.answer.citations[0]!.title).toBe(nvoQuestion.title);
    // Slack and Teams endpoints are not mounted without their keys.
    expect((await fetch(`${url}/slack/events`, { method: 'POST' })).status).toBe(404);
    expect((await fetch(`${url}/api/messages`, { method: 'POST' })).status).toBe(404);

    p.child.kill('SIGTERM');
    expect(await p.exited).toBe(0);
  });

  it('refuses to enable Teams without keys or local-development mode, naming the missing keys', async () => {
    const p = run(cleanEnv({ PORT: '0', TEAMS_ENABLED: 'true' }));
    expect(await p.exited).toBe(1);
    expect(p.err()).toMatch(/MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD/);
    expect(p.err()).toMatch(/TEAMS_LOCAL_DEV/);
    expect(p.out()).not.toMatch(/draait op/);
  });

  it('refuses a half-configured Slack app, naming the missing signing secret', async () => {
    const p = run(cleanEnv({ PORT: '0', SLACK_BOT_TOKEN: 'xoxb-only-a-token' }));
    expect(await p.exited).toBe(1);
    expect(p.err()).toMatch(/SLACK_SIGNING_SECRET/);
    expect(p.err()).not.toContain('xoxb-only-a-token');
  });
});
