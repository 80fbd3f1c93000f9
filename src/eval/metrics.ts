// Answer-quality metrics exactly as defined in the eval README (test/fixtures/eval/README.md).

export interface EvalQuestion {
  id: string;
  question: string;
  lang: 'nl' | 'en';
  kind: 'fact' | 'unanswerable';
  doc?: string | null;
  gold: string[];
  facts: string[][];
}

/** What one answered question looks like (the `ask --json` object plus the id). */
export interface EvalResult {
  id: string;
  answer: string;
  abstained: boolean;
  citations: { text: string }[];
  retrieved: { text: string }[];
  ms: number;
  answerer?: string;
  grounding?: { changed: boolean; fallbackReason?: string };
}

/** NFKD without diacritics, straight quotes, no soft hyphens, single spaces, lower case. */
export function normalizeForMatch(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u00b4`]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/\u00ad/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();
}

export function supports(text: string, gold: string[]): boolean {
  const t = normalizeForMatch(text);
  return gold.some((g) => t.includes(normalizeForMatch(g)));
}

export function answerIsCorrect(answer: string, facts: string[][]): boolean {
  const a = normalizeForMatch(answer);
  return facts.every((group) => group.some((alt) => a.includes(normalizeForMatch(alt))));
}

export interface Metrics {
  questions: number;
  facts: number;
  unanswerable: number;
  recallAt5: number;
  mrrAt10: number;
  answerAccuracy: number;
  citationSupport: number;
  /** Share of unanswerable questions correctly abstained (no citations). */
  abstainedUnanswerable: number;
  /** Share of fact questions wrongly abstained. */
  wrongAbstentions: number;
  p50Ms: number;
  p95Ms: number;
  /** LLM answerer only: share of answers the grounding check changed or replaced. */
  groundingChanged?: number;
}

const share = (n: number, d: number) => (d === 0 ? NaN : n / d);

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const s = [...values].sort((a, b) => a - b);
  const i = Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1));
  return s[i]!;
}

export function computeMetrics(questions: EvalQuestion[], results: Map<string, EvalResult>): Metrics {
  const facts = questions.filter((q) => q.kind === 'fact');
  const unans = questions.filter((q) => q.kind === 'unanswerable');
  let hit5 = 0, rr = 0, correct = 0, cited = 0, wrongAbst = 0, rightAbst = 0, changed = 0, llm = 0;
  for (const q of facts) {
    const r = results.get(q.id);
    if (!r) continue;
    const rank = r.retrieved.slice(0, 10).findIndex((c) => supports(c.text, q.gold));
    if (rank >= 0 && rank < 5) hit5++;
    if (rank >= 0) rr += 1 / (rank + 1);
    if (!r.abstained && answerIsCorrect(r.answer, q.facts)) correct++;
    if (!r.abstained && r.citations.some((c) => supports(c.text, q.gold))) cited++;
    if (r.abstained) wrongAbst++;
  }
  for (const q of unans) {
    const r = results.get(q.id);
    if (r && r.abstained && r.citations.length === 0) rightAbst++;
  }
  for (const r of results.values()) {
    if (r.grounding) {
      llm++;
      if (r.grounding.changed || r.grounding.fallbackReason) changed++;
    }
  }
  const ms = [...results.values()].map((r) => r.ms);
  return {
    questions: questions.length,
    facts: facts.length,
    unanswerable: unans.length,
    recallAt5: share(hit5, facts.length),
    mrrAt10: share(rr, facts.length),
    answerAccuracy: share(correct, facts.length),
    citationSupport: share(cited, facts.length),
    abstainedUnanswerable: share(rightAbst, unans.length),
    wrongAbstentions: share(wrongAbst, facts.length),
    p50Ms: percentile(ms, 50),
    p95Ms: percentile(ms, 95),
    ...(llm > 0 ? { groundingChanged: share(changed, llm) } : {}),
  };
}

export function formatMetrics(m: Metrics, label = ''): string {
  const pct = (x: number) => (Number.isNaN(x) ? '  n/a' : x.toFixed(2).padStart(5));
  return [
    `${label ? label + ': ' : ''}${m.questions} questions (${m.facts} fact, ${m.unanswerable} unanswerable)`,
    `  recall@5            ${pct(m.recallAt5)}`,
    `  MRR@10              ${pct(m.mrrAt10)}`,
    `  answer accuracy     ${pct(m.answerAccuracy)}`,
    `  citation support    ${pct(m.citationSupport)}`,
    `  unanswerable abst.  ${pct(m.abstainedUnanswerable)}`,
    `  wrongly abstained   ${pct(m.wrongAbstentions)}`,
    ...(m.groundingChanged !== undefined ? [`  grounding changed   ${pct(m.groundingChanged)}`] : []),
    `  latency p50/p95     ${m.p50Ms.toFixed(1)} / ${m.p95Ms.toFixed(1)} ms`,
  ].join('\n');
}

export function parseQuestions(jsonl: string, file = 'questions'): EvalQuestion[] {
  return jsonl
    .split('\n')
    .map((l, i) => [l.trim(), i + 1] as const)
    .filter(([l]) => l !== '')
    .map(([l, line]) => {
      let q: EvalQuestion;
      try {
        q = JSON.parse(l) as EvalQuestion;
      } catch {
        throw new Error(`${file}:${line}: not valid JSON`);
      }
      if (!q.id || !q.question || !['fact', 'unanswerable'].includes(q.kind)) throw new Error(`${file}:${line}: needs id, question and kind (fact|unanswerable)`);
      return { ...q, gold: q.gold ?? [], facts: q.facts ?? [], lang: q.lang ?? 'nl' };
    });
}
