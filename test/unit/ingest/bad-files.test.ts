// A corpus of bad inputs, built here in a temp dir: each bad file gets one report line (file, reason,
// what to do) and everything else is indexed. Parsing is bounded in time and memory: a parser that
// hangs or eats memory (real child processes, via the worker's test hook) is stopped and reported.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIngestReport, ingestCorpus, loadIndexedCorpus, type IngestReport } from '../../../ingest/index.js';
import type { IndexedCorpus } from '../../../src/core/types.js';
import { binaryAsText, docx, encryptedPdf, htmlWithScripts, scannedPdf, textPdf, truncated, windows1252Text, zipBombDocx } from '../../support/bad-files.js';

const external = '/work/shared/external-corpus';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-bad-files-'));
const corpusDir = path.join(tmp, 'corpus');
const dataDir = path.join(tmp, 'data');
const HIDDEN = 'GEHEIMSCRIPTTEKST';
const maxFileBytes = 600_000;

const bad: Record<string, RegExp> = {
  'afgebroken.pdf': /onleesbaar|unreadable/,
  'beveiligd.pdf': /wachtwoord|password/,
  'gescand.pdf': /needs OCR/,
  'leeg.txt': /leeg|empty/,
  'te-groot.txt': /te groot|too large/,
  'bom-verhouding.docx': /uitpakt|expands/,
  'bom-opgegeven.docx': /uitpakt|expands/,
  'plaatje.txt': /binair|binary/,
};

let report: IngestReport;
let corpus: IndexedCorpus;

beforeAll(async () => {
  fs.mkdirSync(corpusDir, { recursive: true });
  const w = (name: string, data: string | Buffer) => fs.writeFileSync(path.join(corpusDir, name), data);
  // Good files, so we can see the rest is indexed.
  fs.copyFileSync(path.join(external, 'Besluitenlijst-raadsvergadering-29-juni-2015.pdf'), path.join(corpusDir, 'besluitenlijst.pdf'));
  w('goed.txt', 'Inkoop jeugdhulp\n\nDe regio koopt de specialistische jeugdhulp samen in met een Open House.\n');
  w('gunning.pdf', textPdf('De gunning van het perceel Verblijf volgt in het voorjaar van 2027.'));
  w('contract.docx', docx(['Het contractmanagement ligt bij het regionale inkoopbureau.']));
  w('notitie-1252.txt', windows1252Text('Café-overleg\n\nHet café-overleg over de coördinatie van één loket: ’s avonds „gunning” besproken, geëvalueerd door cliënten.\n'));
  w('pagina.html', htmlWithScripts('De regio werkt samen met tien gemeenten aan jeugdhulp.', HIDDEN));
  // Bad files.
  w('afgebroken.pdf', truncated(fs.readFileSync(path.join(external, 'Formulier_Aansluiting_CORV_Acc_v20170821.pdf'))));
  w('beveiligd.pdf', encryptedPdf());
  w('gescand.pdf', scannedPdf(2));
  w('leeg.txt', '');
  w('te-groot.txt', 'Regel over inkoop van jeugdhulp.\n'.repeat(Math.ceil((maxFileBytes + 1000) / 33)));
  w('bom-verhouding.docx', zipBombDocx('ratio'));
  w('bom-opgegeven.docx', zipBombDocx('declared'));
  w('plaatje.txt', binaryAsText());
  report = await ingestCorpus({ corpusDirs: [corpusDir], dataDir, maxFileBytes, parseTimeoutMs: 30_000 });
  corpus = loadIndexedCorpus(dataDir)!.corpus;
}, 120_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('ingest of bad files', () => {
  it('reports every bad file once, with its own reason and something to do', () => {
    expect(report.failed.map((f) => f.file).sort()).toEqual(Object.keys(bad).sort());
    for (const f of report.failed) {
      expect(f.reason, f.file).toMatch(bad[f.file]!);
      expect(f.action.length, f.file).toBeGreaterThan(10);
      expect(f.keptPrevious).toBeUndefined();
    }
  });

  it('prints one line per bad file in the report: file, reason and what to do', () => {
    const lines = formatIngestReport(report).split('\n');
    for (const file of Object.keys(bad)) {
      const mine = lines.filter((l) => l.includes(file));
      expect(mine, file).toHaveLength(1);
      expect(mine[0]).toMatch(/: .+ — to do: .+/);
    }
  });

  it('indexes the rest of the corpus', () => {
    expect(corpus.documents.map((d) => d.id).sort()).toEqual(['besluitenlijst', 'contract', 'goed', 'gunning', 'notitie-1252', 'pagina']);
    for (const d of corpus.documents) expect(corpus.chunks.some((c) => c.docId === d.id), d.id).toBe(true);
    const text = corpus.chunks.map((c) => c.text).join('\n');
    expect(text).toContain('Open House');
    expect(text).toContain('perceel Verblijf');
    expect(text).toContain('contractmanagement');
    expect(corpus.chunks.some((c) => c.docId === 'besluitenlijst' && c.page === 3)).toBe(true);
  });

  it('decodes Windows-1252 text: é, ë, ’ and „ come out right', () => {
    const note = corpus.chunks.filter((c) => c.docId === 'notitie-1252').map((c) => c.text).join('\n');
    expect(note).toContain('coördinatie van één loket');
    expect(note).toContain('’s avonds „gunning”');
    expect(note).toContain('geëvalueerd door cliënten');
    expect(note).not.toMatch(/\uFFFD|Ã/);
  });

  it('never indexes script, style, handler or noscript text from HTML', () => {
    const page = corpus.chunks.filter((c) => c.docId === 'pagina').map((c) => c.text).join('\n');
    expect(page).toContain('De regio werkt samen met tien gemeenten aan jeugdhulp.');
    expect(page).toContain('Einde van het bericht.');
    expect(JSON.stringify(corpus)).not.toContain(HIDDEN);
  });

  it('does not parse an unchanged broken file again on the next run, and the index stays put', async () => {
    const again = await ingestCorpus({ corpusDirs: [corpusDir], dataDir, maxFileBytes, parseTimeoutMs: 30_000 });
    expect(again.indexDir).toBe(report.indexDir);
    expect(again.failed.map((f) => [f.file, f.reason])).toEqual(report.failed.map((f) => [f.file, f.reason]));
  }, 60_000);
});

describe('parser bounds', () => {
  it('stops a parser that hangs (time bound) or runs out of memory (memory bound), and indexes the rest', async () => {
    const dir = path.join(tmp, 'bounds');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'hangt.pdf'), textPdf('Deze PDF laat de parser vastlopen.'));
    fs.writeFileSync(path.join(dir, 'geheugen.pdf'), textPdf('Deze PDF laat de parser al het geheugen opeten.'));
    fs.writeFileSync(path.join(dir, 'goed.txt'), 'Het inkoopplan wordt in januari vastgesteld door het algemeen bestuur.\n');
    const before = process.env.WEGWIJZER_TEST_PARSER_FAULT;
    process.env.WEGWIJZER_TEST_PARSER_FAULT = 'hang:hangt.pdf,oom:geheugen.pdf';
    let bounded: IngestReport;
    try {
      bounded = await ingestCorpus({ corpusDirs: [dir], dataDir: path.join(tmp, 'bounds-data'), maxFileBytes, parseTimeoutMs: 4_000, parseMemoryMb: 48 });
    } finally {
      if (before === undefined) delete process.env.WEGWIJZER_TEST_PARSER_FAULT;
      else process.env.WEGWIJZER_TEST_PARSER_FAULT = before;
    }
    const reasons = Object.fromEntries(bounded.failed.map((f) => [f.file, f.reason]));
    expect(Object.keys(reasons).sort()).toEqual(['geheugen.pdf', 'hangt.pdf']);
    expect(reasons['hangt.pdf']).toMatch(/langer dan 4 s|longer than 4 s/);
    expect(reasons['geheugen.pdf']).toMatch(/geheugenlimiet|out of memory/);
    expect(bounded.documents).toBe(1);
  }, 60_000);
});
