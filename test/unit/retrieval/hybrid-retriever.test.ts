import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildSearchArtifacts, createEmbedder, LocalEmbedder, loadDomainTerms, openRetriever } from '../../../src/retrieval/index.js';
import type { Embedder } from '../../../src/core/types.js';
import { fixtureCorpus } from './helpers/fixture-corpus.js';

const dirs: string[] = [];
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-retrieval-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

const corpus = fixtureCorpus();
const top = async (q: string, opts = {}) => {
  const r = await openRetriever({ corpus, indexDir: tmp(), embedder: new LocalEmbedder() });
  return (await r.retrieve(q, opts)).map((x) => x.chunk.id);
};

describe('hybrid retriever', () => {
  it('finds the flattened table row through its column headers', async () => {
    expect((await top('Welk schaalniveau geldt voor JeugdzorgPlus?'))[0]).toBe('nvo-2021#1');
    expect((await top('Welk schaalniveau geldt voor Jeugdzorg+?'))[0]).toBe('nvo-2021#1');
  });

  it('lets a compound question meet the split phrase', async () => {
    expect((await top('Hoe worden jeugdhulpaanbieders gecontracteerd?'))[0]).toBe('nvo-2021#2');
  });

  it('expands English questions to Dutch domain terms', async () => {
    expect((await top('Which scale level applies to JeugdzorgPlus?'))[0]).toBe('nvo-2021#1');
    expect((await top('Who chairs the quarterly consultation on administration and messaging with the providers?'))[0]).toBe('nvo-2021#3');
    expect((await top('When did the General Board adopt the youth care procurement framework?'))[0]).toBe('kader-2020#0');
  });

  it('expands glossary abbreviations both ways', async () => {
    expect((await top('Wanneer moet de strategie voor Hoog Specialistische Behandeling klaar zijn?'))[0]).toBe('nieuwsbrief-2019#1');
  });

  it('filters by scope before ranking', async () => {
    const ids = await top('looptijd van de contracten', { scopes: ['Zuid-Holland Zuid'] });
    expect(ids.every((id) => id.startsWith('kader-2020'))).toBe(true);
    const unfiltered = await top('looptijd van de contracten');
    expect(unfiltered.some((id) => id.startsWith('nvo-2021') || id.startsWith('brief-2018'))).toBe(true);
  });

  it('reports lexical and vector component scores and respects k', async () => {
    const r = await openRetriever({ corpus, indexDir: tmp(), embedder: new LocalEmbedder() });
    const res = await r.retrieve('conferentie inkoopsamenwerking', { k: 3 });
    expect(res).toHaveLength(3);
    expect(res[0]!.lexicalScore).toBeGreaterThan(0);
    expect(res[0]!.vectorScore).toBeGreaterThan(0);
    expect(res[0]!.score).toBeGreaterThanOrEqual(res[1]!.score);
  });

  it('finds a misspelt word through the character n-gram vectors when terms do not match', async () => {
    const r = await openRetriever({ corpus, indexDir: tmp(), embedder: new LocalEmbedder() });
    const res = await r.retrieve('konferentie');
    expect(res[0]!.chunk.id).toBe('nieuwsbrief-2019#0');
    expect(res[0]!.lexicalScore).toBe(0);
  });
});

/** A local embedder that counts the documents it embeds (0 when stored vectors are reused). */
function countingEmbedder(dimensions?: number): { embedder: LocalEmbedder; embedded: () => number } {
  let embedded = 0;
  const embedder = new LocalEmbedder(dimensions);
  const original = embedder.embedDocuments.bind(embedder);
  embedder.embedDocuments = async (texts: string[]) => {
    embedded += texts.length;
    return original(texts);
  };
  return { embedder, embedded: () => embedded };
}

describe('vector artifacts', () => {
  it('persists HNSW vectors and reopens them without re-embedding', async () => {
    const dir = tmp();
    const embedder = new LocalEmbedder();
    await buildSearchArtifacts(corpus, dir, embedder, loadDomainTerms());
    expect(fs.existsSync(path.join(dir, 'vectors.hnsw'))).toBe(true);

    const counting = countingEmbedder();
    const r = await openRetriever({ corpus, indexDir: dir, embedder: counting.embedder });
    expect(counting.embedded()).toBe(0);
    expect((await r.retrieve('konferentie'))[0]!.chunk.id).toBe('nieuwsbrief-2019#0');
  });

  it('rebuilds in memory when the artifacts were made by another embedder', async () => {
    const dir = tmp();
    await buildSearchArtifacts(corpus, dir, new LocalEmbedder(256));
    const other = countingEmbedder(512);
    await openRetriever({ corpus, indexDir: dir, embedder: other.embedder });
    expect(other.embedded()).toBe(corpus.chunks.length);
  });

  it('rebuilds when the domain vocabulary changed, since it splits the compounds the vectors were made of', async () => {
    const dir = tmp();
    const terms = loadDomainTerms();
    await buildSearchArtifacts(corpus, dir, new LocalEmbedder(), terms);
    const counting = countingEmbedder();
    const changed = { ...terms, terms: [...terms.terms, { en: ['umbrella organisation'], nl: ['koepelorganisatie'] }] };
    await openRetriever({ corpus, indexDir: dir, embedder: counting.embedder, domainTerms: changed });
    expect(counting.embedded()).toBe(corpus.chunks.length);
  });

  it('falls back to lexical search when a hosted embedder fails', async () => {
    const failing: Embedder = {
      name: 'down',
      dimensions: 8,
      embedDocuments: async () => {
        throw new Error('connection refused');
      },
      embedQuery: async () => {
        throw new Error('connection refused');
      },
    };
    const r = await openRetriever({ corpus, indexDir: tmp(), embedder: failing });
    expect((await r.retrieve('conferentie inkoopsamenwerking'))[0]!.chunk.id).toBe('nieuwsbrief-2019#0');
  });

  it('creates the local embedder by default and hosted ones by configuration', () => {
    expect(createEmbedder({ EMBEDDER: 'local' })).toBeInstanceOf(LocalEmbedder);
    expect(createEmbedder({ EMBEDDER: 'ollama', OLLAMA_BASE_URL: 'http://127.0.0.1:9' }).name).toMatch(/^ollama:/);
  });
});
