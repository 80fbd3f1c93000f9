// The learned parts of the extractive answerer: the fitting routines learn what the data says, the
// shipped weights match the features the code computes, and the confidence gate is really applied.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExtractiveAnswerer } from '../../../src/answer/index.js';
import {
  confidenceFeatureNames,
  fitListwise,
  fitLogistic,
  linearScore,
  loadLearnedModels,
  sigmoid,
  type AnswerConfidence,
} from '../../../src/answer/unit-scorer.js';
import { unitFeatureNames } from '../../../src/answer/unit-scoring.js';
import { LocalEmbedder, openRetriever, type HybridRetriever } from '../../../src/retrieval/index.js';
import { fixtureCorpus } from '../retrieval/helpers/fixture-corpus.js';

/** A deterministic pseudo-random sequence, so the synthetic data is the same on every run. */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

describe('fitListwise', () => {
  it('learns which feature marks the answer among the units of a question', () => {
    const rnd = random(7);
    // Feature 1 is higher for the answer; feature 2 is noise that is, on average, higher for the rest.
    const group = () => {
      const answer = 1 + Math.floor(rnd() * 5);
      const rows = Array.from({ length: 6 }, (_, i) => [1, (i === answer ? 1 : 0) + rnd() * 0.8, rnd() + (i === answer ? 0 : 0.3)]);
      return { rows, labels: rows.map((_, i) => Number(i === answer)) };
    };
    const train = Array.from({ length: 60 }, group);
    const test = Array.from({ length: 40 }, group);
    const model = fitListwise(train);
    const names = ['bias', 'signal', 'noise'];
    const top = (g: { rows: number[][] }) => {
      const scores = g.rows.map((r) => linearScore({ ...model, features: names }, names, { bias: 1, signal: r[1]!, noise: r[2]! }));
      return scores.indexOf(Math.max(...scores));
    };
    const hits = test.filter((g) => g.labels[top(g)] === 1).length;
    expect(model.weights[1]).toBeGreaterThan(0);
    expect(hits / test.length).toBeGreaterThan(0.8);
  });
});

describe('fitLogistic', () => {
  it('separates two classes and is calibrated around the boundary', () => {
    const rnd = random(3);
    const rows: number[][] = [];
    const labels: number[] = [];
    for (let i = 0; i < 200; i++) {
      const y = i % 2;
      rows.push([1, y ? 2 + rnd() : rnd()]);
      labels.push(y);
    }
    const model = fitLogistic(rows, labels);
    const p = (x: number) => sigmoid(linearScore({ ...model, features: ['bias', 'x'] }, ['bias', 'x'], { bias: 1, x }));
    expect(p(2.5)).toBeGreaterThan(0.9);
    expect(p(0.5)).toBeLessThan(0.1);
    expect(p(1.5)).toBeGreaterThan(p(1.2));
  });
});

describe('loadLearnedModels', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-weights-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('loads the shipped weights, fitted on the features the code computes', () => {
    const models = loadLearnedModels();
    expect(models.scorer).toBeDefined();
    expect(models.confidence).toBeDefined();
    expect(models.confidence!.threshold).toBeGreaterThanOrEqual(0);
    expect(models.confidence!.threshold).toBeLessThan(1);
  });

  it('falls back to the rules when there is no weights file', () => {
    expect(loadLearnedModels(path.join(dir, 'missing.json'))).toEqual({});
  });

  it('names the file of broken JSON', () => {
    const f = path.join(dir, 'broken.json');
    fs.writeFileSync(f, '{"unitScorer": ');
    expect(() => loadLearnedModels(f)).toThrow(/broken\.json/);
  });

  it('refuses weights fitted on other features and says how to refit', () => {
    const f = path.join(dir, 'stale.json');
    const stale = { features: [...unitFeatureNames.slice(0, -1), 'somethingElse'], weights: unitFeatureNames.map(() => 0), mean: unitFeatureNames.map(() => 0), scale: unitFeatureNames.map(() => 1) };
    fs.writeFileSync(f, JSON.stringify({ unitScorer: stale }));
    expect(() => loadLearnedModels(f)).toThrow(/train:scorer/);
  });
});

describe('the confidence gate', () => {
  let dir: string;
  let retriever: HybridRetriever;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-gate-'));
    retriever = await openRetriever({ corpus: fixtureCorpus(), indexDir: dir, embedder: new LocalEmbedder() });
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const gate = (threshold: number, seen: Record<string, number>[]): AnswerConfidence => ({
    threshold,
    score: (signals) => {
      seen.push(signals);
      return 0.5;
    },
  });

  it('abstains below its threshold and answers above it, weighing the drafted answer’s signals', async () => {
    const q = 'Welk schaalniveau geldt voor JeugdzorgPlus?';
    const retrieved = await retriever.retrieve(q);
    const seen: Record<string, number>[] = [];
    const strict = await new ExtractiveAnswerer({ confidence: gate(0.9, seen) }).answer({ text: q, language: 'nl' }, retrieved);
    const lenient = await new ExtractiveAnswerer({ confidence: gate(0.1, seen) }).answer({ text: q, language: 'nl' }, retrieved);
    expect(strict.abstained).toBe(true);
    expect(strict.citations).toEqual([]);
    expect(lenient.abstained).toBe(false);
    expect(lenient.citations.length).toBeGreaterThan(0);
    expect(Object.keys(seen[0]!).sort()).toEqual([...confidenceFeatureNames].sort());
    expect(seen[0]!.coverOwn).toBeGreaterThan(0);
  });
});
