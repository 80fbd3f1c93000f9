// Feedback in real SQLite, exported as a question set in the ../shared/eval format.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, onTestFinished } from 'vitest';
import { feedbackToEvalSet, toJsonLines } from '../../../src/feedback/export-eval.js';
import { FeedbackStore } from '../../../src/feedback/feedback-store.js';
import { openDatabase } from '../../../src/storage/database.js';
import { bootstrapSeedRuntime, nvoQuestion, unanswerableQuestion } from './real-assistant.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-feedback-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('feedback store and eval export', () => {
  it('keeps one rating per user per answer, survives reopening, and exports eval-format lines', async () => {
    const file = path.join(dir, 'f.db');
    const seed = await bootstrapSeedRuntime();
    onTestFinished(() => seed.cleanup());
    const assistant = seed.assistant;
    const question = nvoQuestion.text;
    const answered = await assistant.handle(question, { channel: 'web' });
    const abstained = await assistant.handle(unanswerableQuestion, { channel: 'web' });
    if (answered.kind !== 'answer' || abstained.kind !== 'answer') throw new Error('expected answers');

    let db = openDatabase(file);
    let store = new FeedbackStore(db);
    const a = store.recordAnswer({ channel: 'slack', userId: 'U1', question, answer: answered.answer });
    const b = store.recordAnswer({ channel: 'web', userId: 'w1', question: unanswerableQuestion, answer: abstained.answer });
    expect(store.recordFeedback({ answerId: a, rating: 'down', userId: 'U1' }).ok).toBe(true);
    expect(store.recordFeedback({ answerId: a, rating: 'up', userId: 'U1' }).ok).toBe(true); // changed their mind
    expect(store.recordFeedback({ answerId: b, rating: 'up', userId: 'w1' }).ok).toBe(true);
    expect(store.recordFeedback({ answerId: 'no-such-answer', rating: 'up', userId: 'U1' })).toEqual({ ok: false, reason: 'unknown-answer' });
    db.close();

    db = openDatabase(file);
    store = new FeedbackStore(db);
    const entries = store.list();
    expect(entries.map((e) => [e.answer.id, e.rating])).toEqual([
      [a, 'up'],
      [b, 'up'],
    ]);
    const rows = feedbackToEvalSet(entries);
    const [fact, unanswerable] = rows;
    expect(fact).toMatchObject({ question, lang: 'nl', kind: 'fact', doc: nvoQuestion.doc, facts: [], review: 'confirmed' });
    // Gold passages must occur in the cited chunk, as the eval matches them against retrieved text.
    const cited = entries[0]!.answer.sources[0]!.text.replace(/\s+/g, ' ');
    expect(fact!.gold.length).toBeGreaterThan(0);
    for (const g of fact!.gold) expect(cited).toContain(g);
    expect(unanswerable).toMatchObject({ kind: 'unanswerable', gold: [], review: 'confirmed' });
    const lines = toJsonLines(rows).trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    for (const l of lines) expect(Object.keys(l)).toEqual(expect.arrayContaining(['id', 'question', 'lang', 'kind', 'gold', 'facts']));
    db.close();
  });
});
