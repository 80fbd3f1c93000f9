// Chunking of the five seed documents: structure, tables with their headers, and the eval's gold
// passages each contained in some chunk after the eval's normalisation.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Chunk } from '../../../src/core/types.js';
import { blocksOf } from '../../../ingest/ingest-corpus.js';
import { loadText } from '../../../ingest/loaders/load-text.js';
import { splitIntoChunks } from '../../../ingest/split-into-chunks.js';
import { extractGlossary } from '../../../ingest/extract-glossary.js';

const corpusDir = path.resolve('corpus');
const evalFile = '/work/shared/eval/dev.jsonl';

/** The eval's matching rule: NFKD without diacritics, straight quotes, no soft hyphens, one space, lower case. */
function normalise(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’‚‛]/g, "'")
    .replace(/[“”„‟]/g, '"')
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

let chunks: Chunk[] = [];
const byDoc = (id: string) => chunks.filter((c) => c.docId === id);

beforeAll(() => {
  for (const f of fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt'))) {
    const id = f.replace(/\.txt$/, '');
    chunks.push(...splitIntoChunks(id, blocksOf(loadText(fs.readFileSync(path.join(corpusDir, f)), '.txt'))));
  }
});

describe('seed corpus chunks', () => {
  it('contains a gold passage of every fact question of the dev set in some chunk', () => {
    const questions = fs
      .readFileSync(evalFile, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string; kind: string; gold: string[] })
      .filter((q) => q.kind === 'fact');
    expect(questions.length).toBeGreaterThan(10);
    const texts = chunks.map((c) => normalise(c.text));
    const missing = questions.filter((q) => !q.gold.some((g) => texts.some((t) => t.includes(normalise(g)))));
    expect(missing.map((q) => q.id)).toEqual([]);
  });

  it('keeps the JeugdzorgPlus table row together with the column headers, and puts the headers in context', () => {
    const row = byDoc('nvo-een-10-voor-de-jeugd-2021').find((c) => c.text.includes('JeugdzorgPlus') && c.text.includes('Roermond'));
    expect(row).toBeDefined();
    expect(row!.text).toMatch(/Thema\s+Beleid\s+Inkoop\s+Leveranciersmanagement/);
    expect(normalise(row!.text)).toContain('roermond is penvoerder');
    expect(row!.section).toBe('5.3.2 Het organiseren van aanbod');
    expect(row!.context).toContain('Leveranciersmanagement');
    expect(row!.context).toContain('5.3 Zorgvormen en invulling samenwerking');
  });

  it('gives numbered sections and Mijlpaal parts as section paths', () => {
    const nvo = byDoc('nvo-een-10-voor-de-jeugd-2021');
    const demedicaliseren = nvo.find((c) => c.text.includes('Demedicalisering wordt lokaal georganiseerd'));
    expect(demedicaliseren?.section).toMatch(/^3\.1\.2 Demedicaliseren/);
    const news = byDoc('nieuwsbrief-inkoopsamenwerking-2019');
    const planning = news.find((c) => c.text.includes('Medio 2019 dient de concrete inkoopstrategie'));
    expect(planning?.section).toMatch(/^Mijlpaal 3: Inkoopstrategie Verblijf en HSB/);
    const resultaat1 = news.find((c) => c.text.includes('Voor 1 juli 2019 stellen GR Peelgemeenten'));
    expect(resultaat1?.section).toMatch(/^Mijlpaal 1/);
  });

  it('keeps a list with its lead-in sentence', () => {
    const nvo = byDoc('nvo-een-10-voor-de-jeugd-2021');
    const afspraken = nvo.find((c) => c.text.includes('De NvO bestaat uit acht afspraken:'));
    expect(afspraken?.text).toMatch(/De NvO bestaat uit acht afspraken:\n1\. Gemeenten stellen in regionaal verband een regiovisie op/);
  });

  it('never cuts a sentence: a chunk ends at a sentence end or where the source paragraph, item or table ends', () => {
    const blockEnds = new Set<string>();
    for (const f of fs.readdirSync(corpusDir).filter((f) => f.endsWith('.txt'))) {
      for (const b of blocksOf(loadText(fs.readFileSync(path.join(corpusDir, f)), '.txt'))) {
        const t = b.kind === 'table' ? b.lines[b.lines.length - 1] ?? b.header : b.text;
        blockEnds.add(normalise(t).slice(-30));
      }
    }
    const cut = chunks.filter((c) => {
      const text = normalise(c.text).trim();
      return !/[.!?:;)'"]$/.test(text) && ![...blockEnds].some((e) => text.endsWith(e.trim()));
    });
    expect(cut.map((c) => `${c.id}: …${c.text.slice(-60)}`)).toEqual([]);
  });

  it('sizes chunks mostly within 300–1200 characters, and no prose chunk over 1400', () => {
    const sizes = chunks.map((c) => c.text.length);
    const inRange = sizes.filter((n) => n >= 200 && n <= 1250).length;
    expect(inRange / sizes.length).toBeGreaterThan(0.75);
    expect(chunks.filter((c) => !c.context?.includes('Tabel:') && c.text.length > 1400)).toEqual([]);
  });

  it('gives stable ids docId#ordinal and null pages for unpaged text', () => {
    const nvo = byDoc('nvo-een-10-voor-de-jeugd-2021');
    nvo.forEach((c, i) => expect(c.id).toBe(`nvo-een-10-voor-de-jeugd-2021#${i}`));
    expect(chunks.every((c) => c.page === null)).toBe(true);
  });

  it('extracts NvO, TAJ, DVO and GI with their expansions and sources', () => {
    const glossary = extractGlossary(chunks);
    const find = (abbr: string) => glossary.find((g) => g.abbr === abbr);
    expect(find('NvO')).toMatchObject({ expansion: 'Norm voor Opdrachtgeverschap', docId: 'nvo-een-10-voor-de-jeugd-2021', origin: 'document' });
    expect(find('TAJ')).toMatchObject({ expansion: 'Transitie Autoriteit Jeugd', docId: 'nieuwsbrief-inkoopsamenwerking-2019' });
    expect(find('DVO')?.expansion.toLowerCase()).toBe('dienstverleningsovereenkomst');
    expect(find('GI')?.expansion).toBe('Gecertificeerde Instellingen');
    expect(find('NvO')?.quote).toContain('Norm voor Opdrachtgeverschap (NvO)');
    // Table cells such as "Bi-regionaal (ZOB)" are not expansions.
    expect(glossary.filter((g) => g.abbr === 'ZOB')).toEqual([]);
  });

  it('extracts law-style abbreviations with one capital only when each letter opens a word, and "(hierna X)"', () => {
    const chunk = (text: string) => ({ id: 'x#0', docId: 'x', ordinal: 0, text, section: '', page: null });
    const glossary = extractGlossary([
      chunk('Gemeenten voeren de Wet maatschappelijke ondersteuning (Wmo) en de Jeugdwet uit. Het gaat om de regio Eindhoven (Ein).'),
      chunk('De taken staan in de Wet gemeenschappelijke regelingen (Wgr). Zie ook de bijlage (Zie).'),
      chunk('Dit gaat over de inkoopstrategie jeugdbescherming en jeugdreclassering (hierna JBJR).'),
    ]);
    expect(glossary.map((g) => [g.abbr, g.expansion])).toEqual([
      ['Wmo', 'Wet maatschappelijke ondersteuning'],
      ['Wgr', 'Wet gemeenschappelijke regelingen'],
      ['JBJR', 'jeugdbescherming en jeugdreclassering'],
    ]);
  });
});
