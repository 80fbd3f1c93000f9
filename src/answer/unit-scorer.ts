// The extractive answerer's two learned parts, fitted by `npm run train:scorer` on question sets with
// known answers: the unit scorer (which sentence, list item or table row answers; a linear model over
// the features of unit-scoring.ts) and the answer confidence (is the drafted answer likely right, or
// should it abstain; a logistic model over signals of the draft). Their weights live in
// unit-scorer-weights.json beside this file, reviewed and versioned like code.
import fs from 'node:fs';
import { AppError } from '../errors/app-error.js';
import { unitFeatureNames, type UnitFeatureName } from './unit-scoring.js';

export interface UnitScorer {
  /** The unit's logit under the listwise model: comparable between the units of one question only. */
  score(features: Record<UnitFeatureName, number>): number;
}

export interface LinearModel {
  /** Which feature set the weights were fitted on; a mismatch means the weights are stale. */
  features: readonly string[];
  weights: number[];
  /** Feature standardisation learned at fit time. */
  mean: number[];
  scale: number[];
  trainedOn?: string[];
  fittedAt?: string;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function featureVector(features: Record<UnitFeatureName, number>): number[] {
  return unitFeatureNames.map((n) => features[n]);
}

/** What the confidence gate weighs of a drafted answer: the chosen unit and the evidence behind it. */
export const confidenceFeatureNames = [
  'bias',
  'unitScore',
  'margin',
  'knownShare',
  'passageCoverage',
  'coverOwn',
  'coverContext',
  'cue',
  'valueQuestion',
  'missingEntities',
  'groups',
  'english',
  'weakCoverage',
  'noReason',
  'noDuration',
  'noPerson',
  'noName',
  'noPlace',
  'chosenPassageCoverage',
  'keyTermMissing',
] as const;
export type ConfidenceFeatureName = (typeof confidenceFeatureNames)[number];

export interface AnswerConfidence {
  /** Estimated chance in (0, 1) that the drafted answer is right. */
  score(signals: Record<ConfidenceFeatureName, number>): number;
  /** Below this the answerer abstains. */
  threshold: number;
}

/** The linear score (logit) of a feature vector, in the model's feature order (bias first). */
export function scoreVector(model: Omit<LinearModel, 'features'>, x: readonly number[]): number {
  let z = 0;
  for (let i = 0; i < x.length; i++) z += model.weights[i]! * (i === 0 ? 1 : (x[i]! - model.mean[i]!) / model.scale[i]!);
  return z;
}

/** The linear score (logit) of a feature record under a model fitted on the given feature names. */
export function linearScore(model: LinearModel, names: readonly string[], features: Record<string, number>): number {
  return scoreVector(model, names.map((n) => features[n]!));
}

function checkFeatures(model: LinearModel, names: readonly string[], what: string): void {
  if (model.features.length !== names.length || model.features.some((f, i) => f !== names[i])) {
    throw new AppError('CONFIG_INVALID', `the ${what} weights were fitted on other features; run npm run train:scorer`);
  }
}

export function linearUnitScorer(model: LinearModel): UnitScorer {
  checkFeatures(model, unitFeatureNames, 'unit scorer');
  return { score: (features) => linearScore(model, unitFeatureNames, features) };
}

export function logisticConfidence(model: LinearModel & { threshold: number }): AnswerConfidence {
  checkFeatures(model, confidenceFeatureNames, 'answer confidence');
  return { score: (signals) => sigmoid(linearScore(model, confidenceFeatureNames, signals)), threshold: model.threshold };
}

export interface LearnedModels {
  unitScorer?: LinearModel;
  confidence?: LinearModel & { threshold: number };
}

export const defaultWeightsFile = new URL('./unit-scorer-weights.json', import.meta.url);

/** The shipped models; empty when no weights file exists yet (hand weights, no confidence gate). */
export function loadLearnedModels(file: URL | string = defaultWeightsFile): { scorer?: UnitScorer; confidence?: AnswerConfidence } {
  let raw: string;
  try {
    raw = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  let models: LearnedModels;
  try {
    models = JSON.parse(raw) as LearnedModels;
  } catch (e) {
    throw new AppError('CONFIG_INVALID', `the learned weights in ${String(file)} are not valid JSON`, { cause: String(e) });
  }
  return {
    ...(models.unitScorer ? { scorer: linearUnitScorer(models.unitScorer) } : {}),
    ...(models.confidence ? { confidence: logisticConfidence(models.confidence) } : {}),
  };
}

/** Mean and standard deviation of every feature but the bias (column 0), for standardising. */
function standardisation(rows: number[][]): { mean: number[]; scale: number[] } {
  const d = rows[0]?.length ?? 0;
  const mean = new Array<number>(d).fill(0);
  const scale = new Array<number>(d).fill(1);
  for (let j = 1; j < d; j++) {
    let m = 0;
    for (const r of rows) m += r[j]!;
    m /= rows.length;
    let v = 0;
    for (const r of rows) v += (r[j]! - m) ** 2;
    mean[j] = m;
    scale[j] = Math.sqrt(v / rows.length) || 1;
  }
  return { mean, scale };
}

function standardised(row: number[], mean: number[], scale: number[]): number[] {
  return row.map((x, j) => (j === 0 ? 1 : (x - mean[j]!) / scale[j]!));
}

/**
 * Fits an L2-regularised logistic regression by full-batch gradient descent on standardised
 * features. Small data (a few thousand units), so plain and deterministic beats clever.
 */
export function fitLogistic(rows: number[][], labels: number[], options: { l2?: number; epochs?: number; rate?: number; positiveWeight?: number } = {}): Omit<LinearModel, 'features'> {
  const { l2 = 0.01, epochs = 3000, rate = 0.5 } = options;
  const d = rows[0]?.length ?? 0;
  const n = rows.length;
  const { mean, scale } = standardisation(rows);
  const xs = rows.map((r) => standardised(r, mean, scale));
  const pos = labels.filter((y) => y > 0).length;
  // Answers are rare among units: weight positives so that both classes count alike.
  const pw = options.positiveWeight ?? (pos ? (n - pos) / pos : 1);
  const w = new Array<number>(d).fill(0);
  for (let e = 0; e < epochs; e++) {
    const g = new Array<number>(d).fill(0);
    let total = 0;
    for (let i = 0; i < n; i++) {
      const x = xs[i]!;
      let z = 0;
      for (let j = 0; j < d; j++) z += w[j]! * x[j]!;
      const weight = labels[i]! > 0 ? pw : 1;
      const err = (sigmoid(z) - labels[i]!) * weight;
      total += weight;
      for (let j = 0; j < d; j++) g[j]! += err * x[j]!;
    }
    for (let j = 0; j < d; j++) w[j]! -= rate * (g[j]! / total + (j === 0 ? 0 : l2 * w[j]!));
  }
  return { weights: w, mean, scale };
}

/**
 * Fits a listwise (softmax per question) linear model: it learns to put an answer unit first among
 * the units of its own question, which is the choice the answerer makes, rather than to score units
 * of different questions on one scale. L2-regularised, full-batch gradient descent.
 */
export function fitListwise(groups: { rows: number[][]; labels: number[] }[], options: { l2?: number; epochs?: number; rate?: number } = {}): Omit<LinearModel, 'features'> {
  const { l2 = 0.01, epochs = 2000, rate = 0.3 } = options;
  const all = groups.flatMap((g) => g.rows);
  const d = all[0]?.length ?? 0;
  const { mean, scale } = standardisation(all);
  const xs = groups.map((g) => g.rows.map((r) => standardised(r, mean, scale)));
  const w = new Array<number>(d).fill(0);
  for (let e = 0; e < epochs; e++) {
    const grad = new Array<number>(d).fill(0);
    groups.forEach((g, gi) => {
      const x = xs[gi]!;
      const s = x.map((r) => r.reduce((a, v, j) => a + v * w[j]!, 0));
      const max = Math.max(...s);
      const ex = s.map((v) => Math.exp(v - max));
      const zAll = ex.reduce((a, b) => a + b, 0);
      const zPos = ex.reduce((a, b, i) => a + (g.labels[i]! > 0 ? b : 0), 0);
      for (let i = 0; i < x.length; i++) {
        const coef = ex[i]! / zAll - (g.labels[i]! > 0 ? ex[i]! / zPos : 0);
        if (coef === 0) continue;
        for (let j = 1; j < d; j++) grad[j]! += coef * x[i]![j]!;
      }
    });
    for (let j = 1; j < d; j++) w[j]! -= rate * (grad[j]! / groups.length + l2 * w[j]!);
  }
  return { weights: w, mean, scale };
}
