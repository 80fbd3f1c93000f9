// The machine interface of `npm run ask -- --json` and the eval: one JSON object per question.
import type { AssistantReply } from './assistant.js';
import type { GroundingReport } from './types.js';

export interface ReplyJson {
  answer: string;
  abstained: boolean;
  citations: { n: number; doc: string; title: string; date?: string; section: string; page: number | null; text: string; quote?: string; source?: string }[];
  retrieved: { doc: string; section: string; page: number | null; text: string; score: number }[];
  ms: number;
  kind: AssistantReply['kind'];
  language: string;
  answerer?: string;
  note?: string;
  grounding?: GroundingReport;
  abstainReason?: string;
}

export function replyToJson(r: AssistantReply, ms?: number): ReplyJson {
  if (r.kind !== 'answer') {
    return { answer: r.text, abstained: false, citations: [], retrieved: [], ms: ms ?? 0, kind: r.kind, language: r.language };
  }
  const a = r.answer;
  return {
    answer: a.text,
    abstained: a.abstained,
    citations: a.citations.map((c) => ({ n: c.n, doc: c.doc, title: c.title, date: c.date, section: c.section, page: c.page, text: c.text, quote: c.quote, source: c.source })),
    retrieved: r.retrieved.slice(0, 10).map((x) => ({ doc: x.doc.id, section: x.chunk.section, page: x.chunk.page, text: x.chunk.text, score: Number(x.score.toFixed(6)) })),
    ms: Number((ms ?? r.ms).toFixed(2)),
    kind: r.kind,
    language: r.language,
    answerer: a.answerer,
    ...(a.note ? { note: a.note } : {}),
    ...(a.grounding ? { grounding: a.grounding } : {}),
    ...(a.abstainReason ? { abstainReason: a.abstainReason } : {}),
  };
}
