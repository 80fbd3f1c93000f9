// Routing of the Assistant over small in-memory ports: which messages become help, document lists,
// glossary replies, commands, refusals or searched answers. Answer quality is tested end to end elsewhere.
import { describe, expect, it } from 'vitest';
import type { AssistantReply } from '../../../src/core/assistant.js';
import { createAssistant } from '../../../src/core/create-assistant.js';
import { silentLogger } from '../../../src/core/logger.js';
import type { Answer, Answerer, IndexedCorpus, RetrievedChunk, Retriever } from '../../../src/core/types.js';

const corpus: IndexedCorpus = {
  builtAt: '2026-11-25T00:00:00Z',
  documents: [
    { id: 'nvo', path: '/c/nvo.txt', file: 'nvo.txt', title: 'Uitwerking NvO', date: '2021-10', sha256: 'a' },
    { id: 'brief', path: '/c/brief.txt', file: 'brief.txt', title: 'Brief inkoopkader', date: '2020-12-17', sha256: 'b' },
  ],
  chunks: [
    { id: 'nvo#0', docId: 'nvo', ordinal: 0, text: 'Met de Norm voor Opdrachtgeverschap (NvO) zijn gemeenten verplicht samen te werken.', section: '1 Inleiding', page: null },
    { id: 'brief#0', docId: 'brief', ordinal: 0, text: 'Het Algemeen Bestuur stelde het inkoopkader vast.', section: '', page: 2 },
  ],
  glossary: [
    { abbr: 'NvO', expansion: 'Norm voor Opdrachtgeverschap', origin: 'document', docId: 'nvo', quote: 'Norm voor Opdrachtgeverschap (NvO)' },
    { abbr: 'ZOB', expansion: 'Zuidoost-Brabant', origin: 'curated', description: 'De 21 gemeenten.' },
  ],
};

const textOf = (r: AssistantReply) => (r.kind === 'answer' ? r.answer.text : r.text);

function makeAssistant(opts: { answer?: Partial<Answer>; rate?: number } = {}) {
  const asked: string[] = [];
  const retriever: Retriever = {
    async retrieve(query) {
      asked.push(query);
      return corpus.chunks.map((chunk, i): RetrievedChunk => ({ chunk, doc: corpus.documents.find((d) => d.id === chunk.docId)!, score: 1 - i / 10 }));
    },
  };
  const answerer: Answerer = {
    name: 'test',
    async answer(q) {
      return { text: 'Iets anders.', abstained: false, language: q.language, citations: [], answerer: 'test', ...opts.answer };
    },
  };
  const assistant = createAssistant({
    corpus,
    retriever,
    answerer,
    detectLanguage: (t) => (/\b(what|which|the|does|mean)\b/i.test(t) ? 'en' : 'nl'),
    logger: silentLogger,
    maxQuestionChars: 50,
    rateLimitPerMinute: opts.rate,
  });
  return { assistant, asked };
}

describe('Assistant routing', () => {
  it('answers an empty or mention-only message with a hint instead of searching', async () => {
    const { assistant, asked } = makeAssistant();
    for (const text of ['', '   ', '\u0000\u0007', '?!']) {
      const r = await assistant.handle(text, { channel: 'web' });
      expect(r.kind).toBe('invalid');
    }
    expect(asked).toHaveLength(0);
  });

  it('gives help, the document list and the glossary on request, in the language asked', async () => {
    const { assistant, asked } = makeAssistant();
    const help = await assistant.handle('wat kun je?', { channel: 'web' });
    expect(help.kind).toBe('help');
    const docs = await assistant.handle('Welke documenten ken je?', { channel: 'web' });
    expect(docs.kind).toBe('documents');
    expect(textOf(docs)).toContain('Uitwerking NvO (2021-10)');
    // newest first
    expect(textOf(docs).indexOf('Uitwerking NvO')).toBeLessThan(textOf(docs).indexOf('Brief inkoopkader'));
    const list = await assistant.handle('afkortingen', { channel: 'web' });
    expect(list.kind).toBe('glossary');
    expect(textOf(list)).toContain('NvO: Norm voor Opdrachtgeverschap');
    const en = await assistant.handle('What can you do?', { channel: 'web' });
    expect(en.kind === 'help' && en.language).toBe('en');
    expect(asked).toHaveLength(0);
  });

  it('answers an abbreviation from the document that spells it out, with that passage cited', async () => {
    const { assistant } = makeAssistant();
    const r = await assistant.handle('Wat betekent NvO?', { channel: 'web' });
    expect(r.kind).toBe('answer');
    if (r.kind !== 'answer') return;
    expect(r.answer.text).toContain('Norm voor Opdrachtgeverschap');
    expect(r.answer.citations[0]).toMatchObject({ n: 1, doc: 'nvo', section: '1 Inleiding' });
    expect(r.retrieved.length).toBeGreaterThan(0);
  });

  it('explains a curated abbreviation and says the documents do not spell it out', async () => {
    const { assistant } = makeAssistant({ answer: { abstained: true, text: 'Dat staat niet in de documenten.' } });
    const r = await assistant.handle('Waar staat ZOB voor?', { channel: 'web' });
    expect(r.kind).toBe('glossary');
    expect(textOf(r)).toContain('Zuidoost-Brabant');
    expect(textOf(r)).toMatch(/woordenlijst/);
  });

  it('explains a curated abbreviation rather than quote a passage that merely uses it', async () => {
    const { assistant } = makeAssistant({ answer: { abstained: false, text: 'De ZOB-gemeenten overleggen maandelijks. [1]' } });
    const r = await assistant.handle('Waar staat ZOB voor?', { channel: 'web' });
    expect(r.kind).toBe('glossary');
    expect(textOf(r)).toContain('Zuidoost-Brabant');
  });

  it('cuts an over-long question to the limit and says so', async () => {
    const { assistant, asked } = makeAssistant();
    const r = await assistant.handle('Wanneer '.repeat(40), { channel: 'web' });
    expect(asked[0]!.length).toBeLessThanOrEqual(50);
    expect(r.kind === 'answer' && r.answer.note).toMatch(/eerste 50 tekens/);
  });

  it('limits questions per user and tells when to try again', async () => {
    const { assistant } = makeAssistant({ rate: 2 });
    await assistant.handle('vraag een', { channel: 'slack', userId: 'U1' });
    await assistant.handle('vraag twee', { channel: 'slack', userId: 'U1' });
    const third = await assistant.handle('vraag drie', { channel: 'slack', userId: 'U1' });
    expect(third).toMatchObject({ kind: 'invalid', reason: 'rate-limited' });
    expect(textOf(third)).toMatch(/\d+ seconden/);
    const other = await assistant.handle('vraag een', { channel: 'slack', userId: 'U2' });
    expect(other.kind).toBe('answer');
  });

  it('passes a question to command handlers before searching', async () => {
    const asked: string[] = [];
    const { assistant } = makeAssistant();
    const withCommands = createAssistant({
      corpus,
      retriever: { retrieve: async (q) => (asked.push(q), []) },
      answerer: { name: 't', answer: async (q) => ({ text: '', abstained: true, language: q.language, citations: [], answerer: 't' }) },
      detectLanguage: () => 'nl',
      logger: silentLogger,
      maxQuestionChars: 100,
      commandHandlers: [async (text, language) => (text === 'mijlpalen' ? { kind: 'milestones', language, text: 'lijst' } : null)],
    });
    expect((await withCommands.handle('mijlpalen', { channel: 'web' })).kind).toBe('milestones');
    expect(asked).toHaveLength(0);
    expect((await withCommands.handle('iets anders', { channel: 'web' })).kind).toBe('answer');
    expect(asked).toEqual(['iets anders']);
    expect(assistant.documents()).toHaveLength(2);
  });

  it('passes checked partial text of a streaming answerer to the channel, then returns the final answer', async () => {
    const partials: string[] = [];
    const streaming = {
      name: 'stream',
      async answer() {
        throw new Error('not used when streaming');
      },
      async *answerStream(q: { language: 'nl' | 'en' }) {
        yield { kind: 'partial' as const, partialText: 'Eerste zin [1].' };
        yield { kind: 'partial' as const, partialText: 'Eerste zin [1]. Tweede zin [1].' };
        yield { kind: 'final' as const, answer: { text: 'Eerste zin [1].', abstained: false, language: q.language, citations: [], answerer: 'llm' } };
      },
    };
    const assistant = createAssistant({
      corpus,
      retriever: { retrieve: async () => [] },
      answerer: streaming,
      detectLanguage: () => 'nl',
      logger: silentLogger,
      maxQuestionChars: 100,
    });
    const r = await assistant.handle('Welke zin?', { channel: 'slack' }, { onPartial: (t) => void partials.push(t) });
    expect(partials).toEqual(['Eerste zin [1].', 'Eerste zin [1]. Tweede zin [1].']);
    expect(r.kind === 'answer' && r.answer.text).toBe('Eerste zin [1].');
    // Without onPartial the plain answer() path is used.
    await expect(assistant.handle('Welke zin?', { channel: 'web' })).rejects.toThrow('not used when streaming');
  });
});
