// Extraction over the chunks that the real ingest pipeline makes of the seed corpus (not a stand-in).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpus, loadIndexedCorpus } from '../../../ingest/index.js';
import type { IndexedCorpus } from '../../../src/core/types.js';
import { extractMilestones, type ExtractedMilestone } from '../../../src/milestones/extract-milestones.js';

const corpusDir = path.resolve(import.meta.dirname, '../../../corpus');
let dataDir: string;
let corpus: IndexedCorpus;
let found: ExtractedMilestone[];

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-ms-ingest-'));
  await ingestCorpus({ corpusDirs: [corpusDir], dataDir, maxFileBytes: 50e6, parseTimeoutMs: 60_000 });
  corpus = loadIndexedCorpus(dataDir)!.corpus;
  found = extractMilestones(corpus);
});
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

const one = (quotePart: string) => {
  const hits = found.filter((m) => m.source.quote.includes(quotePart));
  expect(hits, quotePart).toHaveLength(1);
  return hits[0]!;
};

describe('milestone extraction on ingested seed documents', () => {
  it('finds the named milestones with the right dates and citations into real chunks', () => {
    const medio = one('Medio 2019 dient de concrete inkoopstrategie voor Verblijf en HSB klaar te liggen');
    expect(medio.due).toEqual({ date: '2019-07-01', precision: 'half', text: 'Medio 2019' });
    expect(medio.source.section).toContain('Mijlpaal 3');
    const chunk = corpus.chunks.find((c) => c.docId === medio.source.doc && c.section === medio.source.section && c.text.replace(/\s+/g, ' ').includes('Medio 2019 dient'));
    expect(chunk).toBeDefined();

    expect(one('de deadline van implementatie op 1 juli 2019').due.date).toBe('2019-07-01');
    expect(one('Op 13 juni 2019 organiseren we').due.date).toBe('2019-06-13');
    expect(one('Op 20 december 2018 besluiten').due.date).toBe('2018-12-20');
    expect(one('uiterlijk per 1 januari 2020 contracten gesloten zijn').due).toEqual({ date: '2020-01-01', precision: 'day', text: '1 januari 2020' });
    expect(one('Voor 1 juli 2019 stellen').source.section).toContain('Mijlpaal 1');
  });

  it('reads the NvO Wat/Wanneer timeline row by row', () => {
    const rows = found.filter((m) => m.via === 'table').map((m) => [m.title, m.due.date]);
    expect(rows).toEqual([
      ['Schrijven van NvO', '2021-10-31'],
      ['Bestuurlijke vaststelling van de NvO door Bestuurlijk Platform 10vdJ', '2021-11-05'],
      ['Vaststellen uitwerken NvO in gemeenteraden', '2022-02-28'],
    ]);
  });

  it('takes no past facts or pre-document dates', () => {
    const all = found.map((m) => m.source.quote).join('\n');
    for (const bad of ['In 2016 is een meerjarig', 'Per 1 januari 2018 wordt gewerkt', 'Medio 2018 heeft', 'Op 24 september 2020 heeft', 'besloot in april 2018', 'De gestelde deadline van 1 juli 2019']) {
      expect(all).not.toContain(bad);
    }
    for (const m of found) {
      const doc = corpus.documents.find((d) => d.id === m.source.doc)!;
      expect(m.due.date >= `${doc.date!.slice(0, 7)}`).toBe(true);
    }
  });
});
