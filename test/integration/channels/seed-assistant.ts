// An Assistant over the real seed corpus for channel tests, built with the real createAssistant but
// with a deliberately simple word-overlap retriever and a first-sentence answerer, so these tests do
// not depend on the retrieval engine (tested elsewhere). The passages and titles it cites are real.
import fs from 'node:fs';
import path from 'node:path';
import type { AskContext, Assistant, AssistantReply } from '../../../src/core/assistant.js';
import { createAssistant } from '../../../src/core/create-assistant.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { Answerer, Chunk, DocumentMeta, IndexedCorpus, Language, Retriever } from '../../../src/core/types.js';

export const corpusDir = path.resolve(import.meta.dirname, '../../../corpus');

const stop = new Set('de het een van en in op voor te is zijn wat welk welke wanneer hoe wie waar met dat die er om aan bij the of a an to is are what which when how who where for in on at does do'.split(' '));
const words = (s: string) => s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g)?.filter((w) => w.length > 1 && !stop.has(w)) ?? [];

export function loadSeedCorpus(): IndexedCorpus {
  const catalog = JSON.parse(fs.readFileSync(path.join(corpusDir, 'catalog.json'), 'utf8')) as { file: string; title: string; type?: string; date?: string; region?: string; source?: string }[];
  const documents: DocumentMeta[] = [];
  const chunks: Chunk[] = [];
  for (const entry of catalog) {
    const id = entry.file.replace(/\.[^.]+$/, '');
    const file = path.join(corpusDir, entry.file);
    documents.push({ id, path: file, file: entry.file, title: entry.title, type: entry.type, date: entry.date, region: entry.region, source: entry.source, sha256: 'test' });
    const paragraphs = fs.readFileSync(file, 'utf8').split(/\n\s*\n/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 40);
    paragraphs.forEach((text, ordinal) => chunks.push({ id: `${id}#${ordinal}`, docId: id, ordinal, text, section: '', page: null }));
  }
  return { documents, chunks, glossary: [], builtAt: new Date(0).toISOString() };
}

export function createSeedAssistant(): Assistant {
  const corpus = loadSeedCorpus();
  const docs = new Map(corpus.documents.map((d) => [d.id, d]));
  const retriever: Retriever = {
    async retrieve(query, options) {
      const q = new Set(words(query));
      return corpus.chunks
        .map((chunk) => ({ chunk, doc: docs.get(chunk.docId)!, score: words(chunk.text).filter((w) => q.has(w)).length }))
        .filter((r) => r.score >= 2)
        .sort((a, b) => b.score - a.score)
        .slice(0, options?.k ?? 10);
    },
  };
  const answerer: Answerer = {
    name: 'test-first-sentence',
    async answer(question, retrieved) {
      const top = retrieved[0];
      if (!top) return { text: 'Dat staat niet in de documenten die ik ken.', abstained: true, language: question.language, citations: [], answerer: this.name };
      const q = new Set(words(question.text));
      const sentences = top.chunk.text.split(/(?<=[.!?])\s+(?=[A-Z])/).filter((x) => x.length > 20);
      const overlap = (x: string) => words(x).filter((w) => q.has(w)).length;
      const sentence = sentences.sort((a, b) => overlap(b) - overlap(a))[0] ?? top.chunk.text;
      return {
        text: `${sentence} [1]`,
        abstained: false,
        language: question.language,
        answerer: this.name,
        citations: [{ n: 1, doc: top.doc.id, title: top.doc.title, date: top.doc.date, section: top.chunk.section, page: top.chunk.page, text: top.chunk.text, chunkId: top.chunk.id, source: top.doc.source }],
      };
    },
  };
  const detectLanguage = (t: string): Language => (/\b(the|what|which|when|how|does)\b/i.test(t) ? 'en' : 'nl');
  return createAssistant({ corpus, retriever, answerer, detectLanguage, logger: silentLogger, maxQuestionChars: 2000 });
}

/** Wraps an Assistant and records what each channel passed in, to check context (history, user). */
export function recordingAssistant(inner: Assistant): Assistant & { asked: { text: string; context: AskContext; reply: AssistantReply }[] } {
  const asked: { text: string; context: AskContext; reply: AssistantReply }[] = [];
  return {
    asked,
    documents: () => inner.documents(),
    welcome: (l) => inner.welcome(l),
    async handle(text, context) {
      const reply = await inner.handle(text, context);
      asked.push({ text, context, reply });
      return reply;
    },
  };
}
