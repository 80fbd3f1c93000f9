// npm run bench:load [-- --seconds 60 --askers 50]   (node --expose-gc: heap samples after a collection)
// Load over the real HTTP endpoints on 127.0.0.1: the product (bootstrap over the seed corpus, the
// shared server from startChannels) with Slack (signed events to /slack/events, answers posted to a
// fake Slack Web API) and Teams (/api/messages in local-development mode, replies to a fake connector).
// Half the askers use Slack, half Teams, each with its own user id; each asks, waits for the answer,
// asks again, until the time is up. Reported: throughput, latency p50/p95 (request sent → answer
// recorded by the fake API), errors (HTTP failures, missing answers, error replies; target 0), and
// memory (RSS, heap) sampled every second, with the heap's trend after warm-up. Figures are printed,
// never asserted. Client and server share this process, so memory includes the load generator.
import fs from 'node:fs';
import path from 'node:path';
import { percentile } from '../src/eval/metrics.js';
import { postSlack, postTeams, repoRoot, slackMention, startStack, teamsActivity } from '../test/integration/hardening/stack.js';

export interface LoadTestOptions {
  seconds?: number;
  askers?: number;
  /** Longest wait for one answer before it counts as an error. */
  answerTimeoutMs?: number;
  log?: (line: string) => void;
}

export interface LoadTestResult {
  seconds: number;
  askers: number;
  questions: number;
  perSecond: number;
  latencyMs: { slack: { p50: number; p95: number; n: number }; teams: { p50: number; p95: number; n: number }; all: { p50: number; p95: number } };
  errors: { total: number; http: number; noAnswer: number; errorReply: number; rateLimited: number };
  memory: { before: MemorySample; after: MemorySample; heapTrendMbPerMin: number; samples: MemorySample[] };
}

export interface MemorySample {
  atS: number;
  rssMb: number;
  heapUsedMb: number;
}

const mb = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

/** With --expose-gc the heap is collected first, so samples show what stays, not garbage waiting. */
function sampleMemory(start: number): MemorySample {
  (globalThis as { gc?: () => void }).gc?.();
  const m = process.memoryUsage();
  return { atS: Math.round((performance.now() - start) / 100) / 10, rssMb: mb(m.rss), heapUsedMb: mb(m.heapUsed) };
}

/** Least-squares slope of heap over time, in MB per minute. */
function slopePerMinute(samples: MemorySample[]): number {
  if (samples.length < 3) return NaN;
  const n = samples.length;
  const mx = samples.reduce((s, x) => s + x.atS, 0) / n;
  const my = samples.reduce((s, x) => s + x.heapUsedMb, 0) / n;
  const num = samples.reduce((s, x) => s + (x.atS - mx) * (x.heapUsedMb - my), 0);
  const den = samples.reduce((s, x) => s + (x.atS - mx) ** 2, 0);
  return Math.round((num / den) * 60 * 10) / 10;
}

function loadQuestions(): string[] {
  const file = path.join(repoRoot, 'test/fixtures/eval/dev.jsonl');
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { question: string }).question);
}

const errorReply = /Probeer het opnieuw|Please try again/;
const rateLimitedReply = /veel vragen kort na elkaar|many questions in a short time|questions in quick succession/i;

export async function runLoadTest(options: LoadTestOptions = {}): Promise<LoadTestResult> {
  const seconds = options.seconds ?? 60;
  const askers = options.askers ?? 50;
  const answerTimeoutMs = options.answerTimeoutMs ?? 30_000;
  const log = options.log ?? ((l: string) => process.stdout.write(`${l}\n`));
  const questions = loadQuestions();
  const stack = await startStack({ env: { RATE_LIMIT_PER_MINUTE: '100000' } });
  const t0 = performance.now();

  // Answers arrive at the fake Slack API; one poller matches them to waiting askers by thread.
  const waiting = new Map<string, (at: number, text: string) => void>();
  let cursor = 0;
  const poller = setInterval(() => {
    const calls = stack.slackApi.calls;
    for (; cursor < calls.length; cursor++) {
      const c = calls[cursor]!;
      if (c.method !== 'chat.postMessage') continue;
      const done = waiting.get(String(c.args.thread_ts));
      if (done) {
        waiting.delete(String(c.args.thread_ts));
        done(performance.now(), String(c.args.text ?? ''));
      }
    }
    // The fakes' records would grow without bound and show up as a heap trend; drop what was read.
    if (cursor > 200) {
      calls.splice(0, cursor);
      cursor = 0;
    }
    scanConnector();
  }, 2);

  // Teams replies by conversation, read from the fake connector's record, which is then emptied.
  const teamsReplies = new Map<string, string>();
  function scanConnector() {
    const sent = stack.connector.sent;
    for (const s of sent) if (s.activity.type === 'message') teamsReplies.set(s.conversationId, JSON.stringify(s.activity));
    sent.length = 0;
  }

  const latencies = { slack: [] as number[], teams: [] as number[] };
  const errors = { http: 0, noAnswer: 0, errorReply: 0, rateLimited: 0 };
  let asked = 0;

  const check = (text: string) => {
    if (errorReply.test(text)) errors.errorReply += 1;
    else if (rateLimitedReply.test(text)) errors.rateLimited += 1;
  };

  async function askSlack(user: string, question: string) {
    const m = slackMention(stack.slackApi.botUserId, question, { user, channel: `CLOAD${user}` });
    const answered = new Promise<{ at: number; text: string } | undefined>((resolve) => {
      const timer = setTimeout(() => {
        waiting.delete(m.ts);
        resolve(undefined);
      }, answerTimeoutMs);
      waiting.set(m.ts, (at, text) => {
        clearTimeout(timer);
        resolve({ at, text });
      });
    });
    const start = performance.now();
    const res = await postSlack(stack.base, m.body).catch(() => undefined);
    if (!res || res.status !== 200) {
      errors.http += 1;
      waiting.delete(m.ts);
      return;
    }
    await res.arrayBuffer();
    const answer = await answered;
    if (!answer) return void (errors.noAnswer += 1);
    latencies.slack.push(answer.at - start);
    check(answer.text);
  }

  async function askTeams(user: string, question: string) {
    const activity = teamsActivity(stack.connector.serviceUrl, question, { user });
    teamsReplies.delete(activity.conversation.id);
    const start = performance.now();
    const res = await postTeams(stack.base, activity).catch(() => undefined);
    if (!res || res.status !== 200) {
      errors.http += 1;
      return;
    }
    await res.arrayBuffer();
    const end = performance.now();
    // The turn (and so the reply to the connector) is complete when /api/messages answers.
    scanConnector();
    const reply = teamsReplies.get(activity.conversation.id);
    teamsReplies.delete(activity.conversation.id);
    if (!reply) return void (errors.noAnswer += 1);
    latencies.teams.push(end - start);
    check(reply);
  }

  // Warm-up: one question per channel, then memory baseline.
  await askSlack('UWARM', questions[0]!);
  await askTeams('warm', questions[0]!);
  latencies.slack.length = 0;
  latencies.teams.length = 0;
  (globalThis as { gc?: () => void }).gc?.();
  const before = sampleMemory(t0);
  const samples: MemorySample[] = [before];
  const sampler = setInterval(() => samples.push(sampleMemory(t0)), 1000);
  log(`load: ${askers} askers for ${seconds} s (Slack ${Math.ceil(askers / 2)}, Teams ${Math.floor(askers / 2)}), ${questions.length} questions`);

  const loadStart = performance.now();
  const deadline = loadStart + seconds * 1000;
  await Promise.all(
    Array.from({ length: askers }, async (_, i) => {
      const slack = i % 2 === 0;
      let q = i;
      while (performance.now() < deadline) {
        const question = questions[q++ % questions.length]!;
        asked += 1;
        if (slack) await askSlack(`UL${i}`, question);
        else await askTeams(`load${i}`, question);
      }
    }),
  );
  const elapsedS = (performance.now() - loadStart) / 1000;
  clearInterval(sampler);
  clearInterval(poller);
  (globalThis as { gc?: () => void }).gc?.();
  const after = sampleMemory(t0);
  samples.push(after);
  await stack.close();

  const all = [...latencies.slack, ...latencies.teams];
  const r = (n: number) => Math.round(n);
  const warm = samples.filter((s) => s.atS >= before.atS + Math.min(10, seconds / 4));
  const result: LoadTestResult = {
    seconds: Math.round(elapsedS * 10) / 10,
    askers,
    questions: asked,
    perSecond: Math.round((all.length / elapsedS) * 10) / 10,
    latencyMs: {
      slack: { p50: r(percentile(latencies.slack, 50)), p95: r(percentile(latencies.slack, 95)), n: latencies.slack.length },
      teams: { p50: r(percentile(latencies.teams, 50)), p95: r(percentile(latencies.teams, 95)), n: latencies.teams.length },
      all: { p50: r(percentile(all, 50)), p95: r(percentile(all, 95)) },
    },
    errors: { total: errors.http + errors.noAnswer + errors.errorReply + errors.rateLimited, ...errors },
    memory: { before, after, heapTrendMbPerMin: slopePerMinute(warm), samples },
  };
  log(`  answered: ${all.length} of ${asked} questions in ${result.seconds} s = ${result.perSecond} answers/s`);
  log(`  latency (request → answer at the fake API): all p50 ${result.latencyMs.all.p50} ms, p95 ${result.latencyMs.all.p95} ms; Slack p50 ${result.latencyMs.slack.p50} / p95 ${result.latencyMs.slack.p95} ms (n=${result.latencyMs.slack.n}); Teams p50 ${result.latencyMs.teams.p50} / p95 ${result.latencyMs.teams.p95} ms (n=${result.latencyMs.teams.n})`);
  log(`  errors: ${result.errors.total} (http ${errors.http}, no answer ${errors.noAnswer}, error replies ${errors.errorReply}, rate limited ${errors.rateLimited})`);
  const every = Math.max(1, Math.floor(samples.length / 8));
  log(`  memory before: RSS ${before.rssMb} MB, heap ${before.heapUsedMb} MB; after: RSS ${after.rssMb} MB, heap ${after.heapUsedMb} MB${(globalThis as { gc?: unknown }).gc ? ' (after gc)' : ''}`);
  log(`  heap samples (s: MB): ${samples.filter((_, i) => i % every === 0 || i === samples.length - 1).map((s) => `${s.atS}: ${s.heapUsedMb}`).join(', ')}`);
  log(`  heap trend after warm-up: ${result.memory.heapTrendMbPerMin} MB/min`);
  return result;
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seconds = Number(argValue('--seconds') ?? 60);
  const askers = Number(argValue('--askers') ?? 50);
  runLoadTest({ seconds, askers }).then(
    (r) => process.exit(r.errors.total === 0 ? 0 : 1),
    (error: unknown) => {
      process.stderr.write(`load test failed: ${error instanceof Error ? error.stack : String(error)}\n`);
      process.exit(2);
    },
  );
}
