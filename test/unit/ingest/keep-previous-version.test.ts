// Nothing lost: a document that was indexed and then becomes unreadable stays searchable in its last
// good version (and the report says so) until it is fixed or removed; removed files leave the index.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatIngestReport, ingestCorpus, isIndexStale, loadIndexedCorpus, type IngestReport } from '../../../ingest/index.js';
import type { IndexedCorpus } from '../../../src/core/types.js';
import { docx, truncated, zipBombDocx } from '../../support/bad-files.js';

const external = '/work/shared/external-corpus';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-keep-previous-'));
const corpusDir = path.join(tmp, 'corpus');
const dataDir = path.join(tmp, 'data');
const opts = { corpusDirs: [corpusDir], dataDir, maxFileBytes: 5_000_000, parseTimeoutMs: 30_000 };
const pdfPath = path.join(corpusDir, 'besluitenlijst.pdf');
const docxPath = path.join(corpusDir, 'planning.docx');
const realPdf = fs.readFileSync(path.join(external, 'Besluitenlijst-raadsvergadering-29-juni-2015.pdf'));

const chunksOf = (c: IndexedCorpus, docId: string) => c.chunks.filter((ch) => ch.docId === docId).map((ch) => ({ text: ch.text, page: ch.page, section: ch.section }));

let good: IndexedCorpus;
let broken: IngestReport;
let brokenCorpus: IndexedCorpus;

beforeAll(async () => {
  fs.mkdirSync(corpusDir, { recursive: true });
  fs.writeFileSync(pdfPath, realPdf);
  fs.writeFileSync(docxPath, docx(['De gunning van het perceel Verblijf is gepland op 1 maart 2027.']));
  fs.writeFileSync(path.join(corpusDir, 'notitie.txt'), 'Notitie\n\nHet algemeen bestuur stelt het inkoopplan in januari vast.\n');
  await ingestCorpus(opts);
  good = loadIndexedCorpus(dataDir)!.corpus;
  // Both indexed documents become unreadable: an interrupted copy and a zip bomb.
  fs.writeFileSync(pdfPath, truncated(realPdf, 0.3));
  fs.writeFileSync(docxPath, zipBombDocx('declared'));
  broken = await ingestCorpus(opts);
  brokenCorpus = loadIndexedCorpus(dataDir)!.corpus;
}, 120_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('previous versions of files that became unreadable', () => {
  it('keeps the last good chunks (text, pages, sections) searchable', () => {
    expect(good.chunks.filter((c) => c.docId === 'besluitenlijst').length).toBeGreaterThan(3);
    expect(chunksOf(brokenCorpus, 'besluitenlijst')).toEqual(chunksOf(good, 'besluitenlijst'));
    expect(chunksOf(brokenCorpus, 'planning')).toEqual(chunksOf(good, 'planning'));
    expect(brokenCorpus.chunks.some((c) => c.docId === 'planning' && c.text.includes('1 maart 2027'))).toBe(true);
    expect(brokenCorpus.documents.map((d) => d.id).sort()).toEqual(['besluitenlijst', 'notitie', 'planning']);
    expect(broken.documents).toBe(3);
  });

  it('says so in the report, with the reason and what to do', () => {
    expect(broken.failed.map((f) => [f.file, f.keptPrevious]).sort()).toEqual([
      ['besluitenlijst.pdf', true],
      ['planning.docx', true],
    ]);
    const text = formatIngestReport(broken);
    expect(text).toMatch(/kept previous version of besluitenlijst\.pdf: .*(onleesbaar|unreadable).* — to do: /);
    expect(text).toMatch(/kept previous version of planning\.docx: .*(uitpakt|expands).* — to do: /);
  });

  it('records the broken state, so the index is not stale and an unchanged broken file changes nothing', async () => {
    expect(await isIndexStale([corpusDir], dataDir)).toBe(false);
    const again = await ingestCorpus(opts);
    expect(again.indexDir).toBe(broken.indexDir);
    expect(again.failed.filter((f) => f.keptPrevious)).toHaveLength(2);
  }, 60_000);

  it('indexes the repaired file again, and a removed broken file leaves the index', async () => {
    fs.writeFileSync(pdfPath, realPdf);
    const repaired = await ingestCorpus(opts);
    expect(repaired.indexed).toEqual(['besluitenlijst.pdf']);
    expect(repaired.failed.map((f) => f.file)).toEqual(['planning.docx']);
    expect(chunksOf(loadIndexedCorpus(dataDir)!.corpus, 'besluitenlijst')).toEqual(chunksOf(good, 'besluitenlijst'));

    fs.rmSync(docxPath);
    const removed = await ingestCorpus(opts);
    expect(removed.removed).toEqual(['planning.docx']);
    expect(removed.failed).toEqual([]);
    const after = loadIndexedCorpus(dataDir)!.corpus;
    expect(after.chunks.some((c) => c.docId === 'planning')).toBe(false);
    expect(after.documents.map((d) => d.id).sort()).toEqual(['besluitenlijst', 'notitie']);
  }, 60_000);
});
