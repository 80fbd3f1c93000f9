// The Assistant: routes one message to help, the document list, the glossary, a milestone command or a
// cited answer. It knows ports only (Retriever, Answerer, command handlers); channels render its replies.
import type { AskContext, Assistant, AssistantReply, HandleOptions } from './assistant.js';
import { unrestricted, type ScopePolicy } from './access-scopes.js';
import type { Logger } from './logger.js';
import { loadPrompt, reply } from './prompts.js';
import { createRateLimiter, type RateLimiter } from './rate-limiter.js';
import type { Answer, Answerer, Citation, StreamingAnswerer, ConversationTurn, GlossaryEntry, IndexedCorpus, Language, RetrievedChunk, Retriever } from './types.js';

/** A handler for a family of commands (e.g. milestones). Returns null when the text is not for it. */
export type CommandHandler = (text: string, language: Language, context: AskContext) => Promise<AssistantReply | null>;

export interface AssistantDeps {
  corpus: IndexedCorpus;
  retriever: Retriever;
  answerer: Answerer;
  detectLanguage: (text: string) => Language;
  logger: Logger;
  maxQuestionChars: number;
  /** Questions per user per minute; 0 or undefined = unlimited. */
  rateLimitPerMinute?: number;
  /** Number of passages retrieved and reported; the answerer sees them all. */
  retrieveK?: number;
  commandHandlers?: CommandHandler[];
  /** Turns a follow-up ("en voor Verblijf?") into a standalone question using the thread's history. */
  rewriteFollowUp?: (question: string, history: ConversationTurn[]) => Promise<string>;
  now?: () => number;
  /** Which documents a conversation may read; default: all. */
  scopePolicy?: ScopePolicy;
  /** A tracked milestone matching the question ("Wanneer moet … klaar zijn?"), or null. */
  milestoneAnswer?: (question: string, language: Language) => AssistantReply | null;
}

const patterns = {
  help: /^(help|hulp|\?|wat kun je( allemaal)?( doen)?|wat kan je( allemaal)?( doen)?|hoe werkt (dit|het|wegwijzer)|what can you do|how does (this|it|wegwijzer) work)[?!. ]*$/i,
  documents: /^(welke documenten (ken|heb|gebruik) je|welke bronnen (ken|heb|gebruik) je|documenten|bronnen|which documents do you (know|have|use)|what documents do you (know|have|use)|documents|sources)[?!. ]*$/i,
  glossaryList: /^(afkortingen|lijst (van|met) afkortingen|woordenlijst|abbreviations|list (of )?abbreviations|glossary)[?!. ]*$/i,
  glossaryLookup: [
    /^(?:wat|waar)\s+(?:betekent|is|staat)\s+(?:de\s+afkorting\s+)?["'“]?([A-Za-z][A-Za-z0-9+&'’.-]{1,11})["'”]?(?:\s+voor)?\s*\??$/i,
    /^(?:wat is de betekenis van|betekenis van)\s+(?:de\s+afkorting\s+)?["'“]?([A-Za-z][A-Za-z0-9+&'’.-]{1,11})["'”]?\s*\??$/i,
    /^what\s+(?:does|do)\s+(?:the\s+abbreviation\s+)?["'“]?([A-Za-z][A-Za-z0-9+&'’.-]{1,11})["'”]?\s+(?:mean|stand\s+for)\s*\??$/i,
    /^what\s+is\s+(?:the\s+meaning\s+of\s+)?["'“]?([A-Z][A-Za-z0-9+&'’.-]{1,11})["'”]?\s*\??$/,
  ],
};

// Control characters break rendering in every channel; tabs and newlines are kept.
const controlChars = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069]/g;

export function cleanQuestion(raw: string): string {
  return raw.normalize('NFC').replace(controlChars, '').replace(/\s+/g, ' ').trim();
}

function normalize(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, ' ').trim();
}

function bulletList(lines: string[]): string {
  return lines.map((l) => `• ${l}`).join('\n');
}

export function createAssistant(deps: AssistantDeps): Assistant {
  const now = deps.now ?? (() => performance.now());
  const k = deps.retrieveK ?? 10;
  const limiter: RateLimiter | null = deps.rateLimitPerMinute ? createRateLimiter({ perMinute: deps.rateLimitPerMinute }) : null;
  const glossaryByAbbr = new Map<string, GlossaryEntry[]>();
  for (const e of deps.corpus.glossary) {
    const key = normalize(e.abbr).replace(/['’]s$/, '');
    glossaryByAbbr.set(key, [...(glossaryByAbbr.get(key) ?? []), e]);
  }
  const docsById = new Map(deps.corpus.documents.map((d) => [d.id, d]));
  const policy = deps.scopePolicy ?? unrestricted;
  /** Filters applied before anything is searched or listed, so another scope's document never shows. */
  const readable = (scopes: string[] | undefined) => {
    if (!scopes) return () => true;
    const allowed = new Set(scopes);
    return (docId: string | undefined) => {
      const d = docId ? docsById.get(docId) : undefined;
      return Boolean(d && allowed.has(d.scope ?? d.region ?? ''));
    };
  };

  const examples = (language: Language) => loadPrompt(`replies/examples.${language}.txt`).split('\n').filter(Boolean);
  const docLine = (d: IndexedCorpus['documents'][number]) => `${d.title}${d.date ? ` (${d.date})` : ''}`;
  const sortedDocs = (scopes?: string[]) => deps.corpus.documents.filter((d) => readable(scopes)(d.id)).sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || a.title.localeCompare(b.title));

  function helpReply(language: Language): AssistantReply {
    return { kind: 'help', language, text: reply('replies/help', language, { examples: examples(language).map((e) => `"${e}"`).join(', ') }) };
  }

  function documentsReply(language: Language, scopes: string[] | undefined): AssistantReply {
    const documents = sortedDocs(scopes);
    return { kind: 'documents', language, documents, text: reply('replies/documents', language, { count: documents.length, documents: bulletList(documents.map(docLine)) }) };
  }

  function glossaryListReply(language: Language, scopes: string[] | undefined): AssistantReply {
    const canRead = readable(scopes);
    const best = [...glossaryByAbbr.values()]
      .map((es) => es.find((e) => e.origin === 'curated' || canRead(e.docId)))
      .filter((e): e is GlossaryEntry => Boolean(e))
      .sort((a, b) => a.abbr.localeCompare(b.abbr, 'nl'));
    return {
      kind: 'glossary',
      language,
      entries: best,
      text: reply('replies/glossary-list', language, { count: best.length, entries: bulletList(best.map((e) => `${e.abbr}: ${e.expansion}`)) }),
    };
  }

  /** Entries from the documents come first: they can be cited. */
  function lookupGlossary(abbr: string, scopes: string[] | undefined): GlossaryEntry[] {
    const key = normalize(abbr).replace(/['’]s$/, '').replace(/[?.!]+$/, '');
    const canRead = readable(scopes);
    const hits = (glossaryByAbbr.get(key) ?? []).filter((e) => e.origin === 'curated' || canRead(e.docId));
    return [...hits].sort((a, b) => (a.origin === b.origin ? 0 : a.origin === 'document' ? -1 : 1));
  }

  /** Build a cited answer from a glossary entry found in a document, citing the chunk that holds its quote. */
  function glossaryAnswer(entry: GlossaryEntry, language: Language): Answer | null {
    if (entry.origin !== 'document' || !entry.docId) return null;
    const doc = docsById.get(entry.docId);
    if (!doc) return null;
    const chunks = deps.corpus.chunks.filter((c) => c.docId === entry.docId);
    const containing = (needle: string) => chunks.find((c) => normalize(c.text).includes(normalize(needle)));
    const chunk = containing(entry.quote ?? entry.expansion) ?? containing(entry.expansion);
    if (!chunk) return null;
    const citation: Citation = {
      n: 1,
      doc: doc.id,
      title: doc.title,
      date: doc.date,
      section: chunk.section,
      page: chunk.page,
      text: chunk.text,
      quote: entry.quote,
      source: doc.source,
      chunkId: chunk.id,
    };
    const text = `${reply('replies/glossary-entry', language, { abbr: entry.abbr, expansion: entry.expansion })} [1]`;
    return { text, abstained: false, language, citations: [citation], answerer: 'glossary' };
  }

  /** The checked final answer; partial text goes to onPartial when the answerer can stream. */
  async function runAnswerer(question: Parameters<Answerer['answer']>[0], retrieved: RetrievedChunk[], onPartial?: HandleOptions['onPartial']): Promise<Answer> {
    const streaming = deps.answerer as Partial<StreamingAnswerer>;
    if (!onPartial || typeof streaming.answerStream !== 'function') return deps.answerer.answer(question, retrieved);
    let final: Answer | undefined;
    for await (const event of streaming.answerStream.call(deps.answerer, question, retrieved)) {
      if (event.kind === 'final') final = event.answer;
      else await onPartial(event.partialText);
    }
    return final ?? deps.answerer.answer(question, retrieved);
  }

  async function answerQuestion(question: string, language: Language, context: AskContext, note?: string, onPartial?: HandleOptions['onPartial']): Promise<AssistantReply> {
    const started = now();
    const history = context.history ?? [];
    const standalone = history.length && deps.rewriteFollowUp ? await deps.rewriteFollowUp(question, history) : question;
    const retrieved = await deps.retriever.retrieve(standalone, { k, scopes: context.scopes });
    let answer = await runAnswerer({ text: standalone, language, history, scopes: context.scopes }, retrieved, onPartial);

    // "Wat betekent NvO?": when the answerer missed the expansion, the glossary entry with its source answers.
    const abbr = glossaryAbbreviation(question);
    if (abbr) {
      const entry = lookupGlossary(abbr, context.scopes)[0];
      if (entry && (answer.abstained || !normalize(answer.text).includes(normalize(entry.expansion)))) {
        const cited = glossaryAnswer(entry, language);
        // A curated entry is what the documents never spell out: it answers rather than a passage
        // that merely uses the abbreviation.
        if (!cited && entry.origin === 'curated') return curatedGlossaryReply(entry, language);
        answer = cited ?? answer;
      }
    }
    // A tracked milestone adds its status (open, moved, done) to what the documents say.
    const milestone = deps.milestoneAnswer?.(standalone, language) ?? null;
    if (milestone && answer.abstained) return milestone;
    if (milestone && 'text' in milestone) note = note ? `${milestone.text}\n${note}` : milestone.text;
    if (note) answer = { ...answer, note: answer.note ? `${answer.note}\n${note}` : note };
    return { kind: 'answer', question: standalone, language, answer, retrieved, ms: now() - started };
  }

  function curatedGlossaryReply(entry: GlossaryEntry, language: Language): AssistantReply {
    const description = entry.description ? `${entry.description.trim()} ` : '';
    return { kind: 'glossary', language, entries: [entry], text: reply('replies/glossary-curated', language, { abbr: entry.abbr, expansion: entry.expansion, description }) };
  }

  function glossaryAbbreviation(text: string): string | null {
    for (const re of patterns.glossaryLookup) {
      const m = re.exec(text);
      // Only abbreviation-like tokens: at least two capitals, or a known entry ("Jeugdzorg+" is not one).
      if (m && (/[A-Z].*[A-Z]/.test(m[1]!) || glossaryByAbbr.has(normalize(m[1]!)))) return m[1]!;
    }
    return null;
  }

  return {
    documents: (context?: AskContext) => sortedDocs(context ? policy.resolve(context) : undefined),

    async welcome(language: Language = 'nl', context?: AskContext) {
      const documents = sortedDocs(context ? policy.resolve(context) : undefined);
      const shown = documents.slice(0, 8);
      const more = documents.length - shown.length;
      const list = bulletList(shown.map(docLine)) + (more > 0 ? `\n• … (+${more})` : '');
      return { kind: 'help', language, text: reply('replies/welcome', language, { count: documents.length, documents: list, examples: bulletList(examples(language)) }) };
    },

    async handle(raw: string, askContext: AskContext, options: HandleOptions = {}): Promise<AssistantReply> {
      const context: AskContext = { ...askContext, scopes: policy.resolve(askContext) };
      let text = cleanQuestion(raw ?? '');
      const language = text ? deps.detectLanguage(text) : 'nl';
      if (!text || !/[\p{L}\p{N}]/u.test(text)) {
        return { kind: 'invalid', language, reason: 'empty', text: reply('replies/empty-question', language) };
      }
      if (limiter && context.userId) {
        const verdict = limiter.take(`${context.channel}:${context.userId}`);
        if (!verdict.allowed) {
          return { kind: 'invalid', language, reason: 'rate-limited', text: reply('replies/rate-limited', language, { seconds: Math.ceil(verdict.retryAfterMs / 1000) }) };
        }
      }
      let note: string | undefined;
      if (text.length > deps.maxQuestionChars) {
        text = text.slice(0, deps.maxQuestionChars);
        note = reply('replies/question-truncated', language, { limit: deps.maxQuestionChars });
      }

      if (patterns.help.test(text)) return helpReply(language);
      if (patterns.documents.test(text)) return documentsReply(language, context.scopes);
      if (patterns.glossaryList.test(text)) return glossaryListReply(language, context.scopes);
      for (const handler of deps.commandHandlers ?? []) {
        const handled = await handler(text, language, context);
        if (handled) return handled;
      }
      const abbr = glossaryAbbreviation(text);
      if (abbr && lookupGlossary(abbr, context.scopes).length === 0 && /^[A-Z0-9+&.-]+$/.test(abbr.replace(/['’]s$/, ''))) {
        // An unknown abbreviation: still search, the documents may use it without spelling it out.
        const answered = await answerQuestion(text, language, context, note, options.onPartial);
        if (answered.kind === 'answer' && answered.answer.abstained) {
          return { kind: 'glossary', language, entries: [], text: reply('replies/glossary-unknown', language, { abbr }) };
        }
        return answered;
      }
      return answerQuestion(text, language, context, note, options.onPartial);
    },
  };
}
