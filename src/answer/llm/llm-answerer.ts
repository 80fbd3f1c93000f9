// Answers with a chat model, then checks the reply against the passages before anyone sees it.
// Anything the check cannot vouch for is dropped; when too little is left, or the model is slow or
// down, the fallback (extractive) answer is returned instead and the reason goes to the log only.
import { isAppError } from '../../errors/app-error.js';
import { silentLogger, type Logger } from '../../core/logger.js';
import { reply } from '../../core/prompts.js';
import type {
  Answer,
  Answerer,
  AnswerStreamEvent,
  Citation,
  GroundingReport,
  Language,
  Question,
  RetrievedChunk,
  StreamingAnswerer,
} from '../../core/types.js';
import { isTransientModelFailure, type ChatModel, type ModelFailureReason } from '../../models/chat-model.js';
import { bestQuote, checkGrounding, citationsIn, type GroundingResult, type SuppliedPassage } from './grounding.js';
import { ABSTAIN_MARKER, buildAnswerMessages, type PromptLimits } from './prompt.js';

export interface LlmAnswererDeps {
  model: ChatModel;
  /** Used when the model fails or its reply does not survive the grounding check. */
  fallback: Answerer;
  logger?: Logger;
  /** Per attempt; for streams, the longest silence between tokens. */
  timeoutMs: number;
  /** Extra attempts after a transient failure (timeout, connection refused, 5xx, 429). */
  maxRetries: number;
  /** Wait before retry k is retryDelayMs * 2^k. Default 250. */
  retryDelayMs?: number;
  limits?: PromptLimits;
  /** Fall back when more than this share of checked sentences was dropped. Default 0.5. */
  maxDroppedShare?: number;
}

type AskedQuestion = Question & { language: Language };

// Phrases a model uses instead of the marker to say the passages do not answer.
const abstainPhrases = [
  /\b(documenten|passages|bronnen|stukken)\b[^.]{0,60}\b(geen antwoord|niet (?:beantwoord|genoemd|vermeld|terug)|staat (?:dit|dat|het)? ?niet|bevatten geen)/i,
  /\b(staat|vind|vond) (?:ik )?(?:dit|dat|het)? ?niet in de (documenten|passages|bronnen)/i,
  /\b(documents|passages|sources)\b[^.]{0,60}\b(do not|don't|does not|doesn't|did not)\b[^.]{0,30}\b(answer|contain|mention|say|cover|address)/i,
  /\bnot (?:found|mentioned|answered|covered) in the (documents|passages|sources)/i,
];

export class LlmAnswerer implements StreamingAnswerer {
  readonly name = 'llm';
  private readonly logger: Logger;

  constructor(private readonly deps: LlmAnswererDeps) {
    this.logger = (deps.logger ?? silentLogger).child({ component: 'llm-answerer', model: deps.model.name });
  }

  async answer(question: AskedQuestion, retrieved: RetrievedChunk[]): Promise<Answer> {
    if (!retrieved.length) return this.abstain(question.language);
    const { messages, supplied } = this.prompt(question, retrieved);
    let raw: string;
    try {
      raw = await this.withRetries(() => this.deps.model.complete(messages, { timeoutMs: this.deps.timeoutMs }));
    } catch (error) {
      return this.fallBack(question, retrieved, failureReason(error), undefined, error);
    }
    return this.finish(question, retrieved, supplied, raw);
  }

  async *answerStream(question: AskedQuestion, retrieved: RetrievedChunk[]): AsyncIterable<AnswerStreamEvent> {
    const stream = this.deps.model.stream?.bind(this.deps.model);
    if (!stream || !retrieved.length) {
      yield { kind: 'final', answer: await this.answer(question, retrieved) };
      return;
    }
    const { messages, supplied } = this.prompt(question, retrieved);
    let raw = '';
    let shown = '';
    let failure: unknown;
    for (let attempt = 0; ; attempt++) {
      try {
        for await (const piece of stream(messages, { timeoutMs: this.deps.timeoutMs })) {
          raw += piece;
          const partial = this.partialText(raw, supplied, question);
          if (partial && partial !== shown) {
            shown = partial;
            yield { kind: 'partial', partialText: partial };
          }
        }
        failure = undefined;
        break;
      } catch (error) {
        failure = error;
        // Once tokens have arrived a retry would restart what the user already saw; fall back instead.
        if (raw || attempt >= this.deps.maxRetries || !isTransientModelFailure(failureReason(error) as ModelFailureReason)) break;
        await delay((this.deps.retryDelayMs ?? 250) * 2 ** attempt);
      }
    }
    const answer = failure
      ? await this.fallBack(question, retrieved, failureReason(failure), undefined, failure)
      : await this.finish(question, retrieved, supplied, raw);
    yield { kind: 'final', answer };
  }

  private prompt(question: AskedQuestion, retrieved: RetrievedChunk[]) {
    const built = buildAnswerMessages(question.text, question.language, retrieved, this.deps.limits);
    if (built.instructionsRemoved) {
      this.logger.warn('instruction-like text in documents withheld from the model', {
        count: built.instructionsRemoved,
        chunks: built.supplied.map((s) => s.retrieved.chunk.id),
      });
    }
    return built;
  }

  /** Grounded text of the complete sentences received so far; '' while nothing checkable has arrived. */
  private partialText(raw: string, supplied: SuppliedPassage[], question: AskedQuestion): string {
    if (raw.includes(ABSTAIN_MARKER)) return '';
    // A sentence is complete once the next one has started, so a trailing '[2]' is not cut off.
    let end = raw.lastIndexOf('\n');
    for (const m of raw.matchAll(/[.!?]+(?:\s*\[[^\]\n]*\])*\s+(?=[^\s\[])/g)) end = Math.max(end, m.index! + m[0].length);
    if (end <= 0) return '';
    const result = checkGrounding(raw.slice(0, end), supplied, { question: question.text, language: question.language });
    return result.fallbackReason ? '' : result.text;
  }

  private async withRetries(call: () => Promise<string>): Promise<string> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await call();
      } catch (error) {
        const reason = failureReason(error);
        if (attempt >= this.deps.maxRetries || !isTransientModelFailure(reason as ModelFailureReason)) throw error;
        this.logger.info('model call failed, retrying', { reason, attempt: attempt + 1, maxRetries: this.deps.maxRetries });
        await delay((this.deps.retryDelayMs ?? 250) * 2 ** attempt);
      }
    }
  }

  private async finish(question: AskedQuestion, retrieved: RetrievedChunk[], supplied: SuppliedPassage[], raw: string): Promise<Answer> {
    const validCited = citationsIn(raw).some((n) => n >= 1 && n <= supplied.length);
    const withoutMarker = raw.split(ABSTAIN_MARKER).join('').trim();
    if (raw.includes(ABSTAIN_MARKER) && (!validCited || !withoutMarker)) return this.abstain(question.language);
    if (!validCited && abstainPhrases.some((re) => re.test(raw))) return this.abstain(question.language);

    const result = checkGrounding(withoutMarker, supplied, { question: question.text, language: question.language, maxDroppedShare: this.deps.maxDroppedShare });
    const report: GroundingReport = { ...result.report, model: this.deps.model.name };
    if (result.fallbackReason) return this.fallBack(question, retrieved, result.fallbackReason, report);
    if (report.changed) {
      this.logger.info('grounding check changed the reply', {
        kept: report.sentencesKept,
        dropped: report.dropped.map((d) => ({ reason: d.reason, detail: d.detail })),
        linksRemoved: report.linksRemoved,
      });
    }
    return {
      text: result.text,
      abstained: false,
      language: question.language,
      citations: toCitations(result),
      answerer: 'llm',
      grounding: report,
    };
  }

  private abstain(language: Language): Answer {
    return {
      text: reply('replies/abstain', language),
      abstained: true,
      language,
      citations: [],
      answerer: 'llm',
      grounding: { sentencesKept: 0, sentencesDropped: 0, dropped: [], linksRemoved: 0, changed: false, model: this.deps.model.name },
    };
  }

  private async fallBack(question: AskedQuestion, retrieved: RetrievedChunk[], reason: string, report?: GroundingReport, error?: unknown): Promise<Answer> {
    this.logger.warn('generated answer replaced by fallback answer', {
      reason,
      fallback: this.deps.fallback.name,
      dropped: report?.dropped.map((d) => ({ reason: d.reason, detail: d.detail })),
      error: error instanceof Error ? error : undefined,
    });
    const answer = await this.deps.fallback.answer(question, retrieved);
    return {
      ...answer,
      answerer: 'llm-fallback',
      grounding: {
        ...(report ?? { sentencesKept: 0, sentencesDropped: 0, dropped: [], linksRemoved: 0, changed: true }),
        changed: true,
        fallbackReason: reason,
        model: this.deps.model.name,
      },
    };
  }
}

function toCitations(result: GroundingResult): Citation[] {
  return result.cited.map((p, i) => {
    const { chunk, doc } = p.retrieved;
    const quote = bestQuote(chunk.text, result.sentencesFor.get(p.n) ?? []);
    return {
      n: i + 1,
      doc: doc.id,
      title: doc.title,
      ...(doc.date ? { date: doc.date } : {}),
      section: chunk.section,
      page: chunk.page,
      text: chunk.text,
      ...(quote ? { quote } : {}),
      ...(doc.source ? { source: doc.source } : {}),
      chunkId: chunk.id,
    };
  });
}

function failureReason(error: unknown): string {
  if (isAppError(error) && typeof error.details?.reason === 'string') return error.details.reason;
  return 'unknown';
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}


/** True for answerers that can stream (channels that edit a posted message use answerStream). */
export function isStreamingAnswerer(a: Answerer): a is StreamingAnswerer {
  return typeof (a as Partial<StreamingAnswerer>).answerStream === 'function';
}
