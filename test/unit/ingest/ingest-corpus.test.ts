// End-to-end ingest over real files in temp dirs: real PDFs (pages), a .docx built here, a corrupt PDF,
// Windows-1252 text, a binary file with a text extension, incremental runs, removal, atomic CURRENT.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import JSZip from 'jszip';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ingestCorpus, isIndexStale, loadIndexedCorpus } from '../../../ingest/index.js';
import type { IngestReport } from '../../../ingest/index.js';
import type { IndexedCorpus } from '../../../src/core/types.js';

const external = '/work/shared/external-corpus';
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-ingest-'));
const corpusDir = path.join(tmp, 'corpus');
const dataDir = path.join(tmp, 'data');
const base = { corpusDirs: [corpusDir], dataDir, maxFileBytes: 20 * 1024 * 1024, parseTimeoutMs: 30_000 };

const normalise = (s: string) => s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[‘’]/g, "'").replace(/\s+/g, ' ').toLowerCase();

async function buildDocx(): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>');
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>');
  const p = (text: string, style?: string) => `<w:p>${style ? `<w:pPr><w:pStyle w:val="${style}"/></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
  zip.file('word/document.xml', `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${p('Planning inkoop Verblijf', 'Heading1')}${p('De gunning van het perceel Verblijf is gepland op 1 maart 2027.')}${p('Risico’s', 'Heading2')}${p('De marktconsultatie kan uitlopen door te weinig inschrijvers.')}</w:body></w:document>`);
  return zip.generateAsync({ type: 'nodebuffer' });
}

let first: IngestReport;
let corpus: IndexedCorpus;

beforeAll(async () => {
  fs.mkdirSync(path.join(corpusDir, 'extern'), { recursive: true });
  for (const f of ['20180910-CORV-KTP-Informatieblad.pdf', 'Besluitenlijst-raadsvergadering-29-juni-2015.pdf', 'hollandrijnland_jeugd.txt', 'jeugdautoriteit_regiovisies_2022.txt']) {
    fs.copyFileSync(path.join(external, f), path.join(corpusDir, 'extern', f));
  }
  fs.writeFileSync(path.join(corpusDir, 'extern', 'catalog.json'), JSON.stringify([{ file: 'Besluitenlijst-raadsvergadering-29-juni-2015.pdf', title: 'Besluitenlijst raadsvergadering 29 juni 2015', type: 'besluitenlijst', date: '2015-06-29', region: 'Den Helder' }]));
  // A corrupt PDF: the first 40 % of a real one.
  const real = fs.readFileSync(path.join(external, 'Formulier_Aansluiting_CORV_Acc_v20170821.pdf'));
  fs.writeFileSync(path.join(corpusDir, 'kapot.pdf'), real.subarray(0, Math.floor(real.length * 0.4)));
  fs.writeFileSync(path.join(corpusDir, 'planning.docx'), await buildDocx());
  fs.writeFileSync(path.join(corpusDir, 'planning.docx.meta.json'), JSON.stringify({ title: 'Planning Verblijf', date: '2026-10-01', region: 'Testregio' }));
  fs.writeFileSync(path.join(corpusDir, 'notitie-1252.txt'), iconv.encode('Notitie over de coördinatie van zorg\n\nDe coördinatie van de crisisdienst ligt bij de regio. Cliënten merken daar niets van.\n', 'win1252'));
  fs.writeFileSync(path.join(corpusDir, 'plaatje.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 1, 2, 3, 0, 0, 0]));
  fs.writeFileSync(path.join(corpusDir, 'pagina.html'), '<html><head><title>Regio-pagina</title><script>var x = "geheim script";</script><style>.a{}</style></head><body><nav>Home | Contact</nav><h1>Over de regio</h1><p>De regio werkt samen met <b>tien</b> gemeenten aan jeugdhulp.</p><h2>Inkoop</h2><ul><li>Open House voor lichte jeugdhulp</li><li>Aanbesteding voor Verblijf</li></ul></body></html>');
  fs.writeFileSync(path.join(corpusDir, 'glossary.json'), JSON.stringify([{ abbr: 'ZOB', expansion: 'Zuidoost-Brabant' }]));
  fs.writeFileSync(path.join(corpusDir, 'onbekend.xyz'), 'not a document');
  first = await ingestCorpus(base);
  corpus = loadIndexedCorpus(dataDir)!.corpus;
}, 120_000);

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('ingestCorpus', () => {
  it('indexes every readable document and reports the broken ones by name with reason and action', () => {
    expect(first.failed.map((f) => f.file).sort()).toEqual(['kapot.pdf', 'plaatje.txt']);
    for (const f of first.failed) {
      expect(f.reason.length).toBeGreaterThan(5);
      expect(f.action.length).toBeGreaterThan(5);
    }
    expect(first.failed.find((f) => f.file === 'plaatje.txt')!.reason).toMatch(/binair|binary/);
    const ids = corpus.documents.map((d) => d.id).sort();
    expect(ids).toEqual(['extern/20180910-CORV-KTP-Informatieblad', 'extern/Besluitenlijst-raadsvergadering-29-juni-2015', 'extern/hollandrijnland_jeugd', 'extern/jeugdautoriteit_regiovisies_2022', 'notitie-1252', 'pagina', 'planning']);
    expect(first.documents).toBe(7);
    expect(first.chunks).toBe(corpus.chunks.length);
    expect(fs.readFileSync(path.join(dataDir, 'index', 'CURRENT'), 'utf8').trim()).toBe(path.basename(first.indexDir));
  });

  it('keeps PDF page numbers: a phrase is found on its real page', () => {
    const find = (docId: string, phrase: string) => corpus.chunks.find((c) => c.docId === docId && normalise(c.text).includes(normalise(phrase)));
    const ktp = find('extern/20180910-CORV-KTP-Informatieblad', 'Na het inloggen krijgt u in het CPA register een extra tabblad in beeld (KTP)');
    expect(ktp?.page).toBe(2);
    const besluit = find('extern/Besluitenlijst-raadsvergadering-29-juni-2015', 'In te stemmen met de ontwerp statutenwijziging Stichting Meerwerf basisscholen Den Helder');
    expect(besluit?.page).toBe(3);
    const doc = corpus.documents.find((d) => d.id === 'extern/Besluitenlijst-raadsvergadering-29-juni-2015')!;
    expect(doc).toMatchObject({ pages: 4, title: 'Besluitenlijst raadsvergadering 29 juni 2015', date: '2015-06-29', scope: 'Den Helder' });
  });

  it('reads .docx with its headings, sidecar metadata, Windows-1252 text and HTML without script or navigation', () => {
    const planning = corpus.chunks.filter((c) => c.docId === 'planning');
    expect(planning.find((c) => c.text.includes('1 maart 2027'))?.section).toContain('Planning inkoop Verblijf');
    expect(planning.find((c) => c.text.includes('marktconsultatie'))?.section).toContain('Risico’s');
    expect(corpus.documents.find((d) => d.id === 'planning')).toMatchObject({ title: 'Planning Verblijf', date: '2026-10-01', scope: 'Testregio' });
    expect(corpus.chunks.some((c) => c.docId === 'notitie-1252' && c.text.includes('De coördinatie van de crisisdienst ligt bij de regio. Cliënten'))).toBe(true);
    const html = corpus.chunks.filter((c) => c.docId === 'pagina').map((c) => c.text).join('\n');
    expect(html).toContain('De regio werkt samen met tien gemeenten aan jeugdhulp.');
    expect(html).not.toMatch(/geheim script|Home \| Contact/);
    expect(corpus.documents.find((d) => d.id === 'pagina')?.title).toBe('Regio-pagina');
  });

  it('uses the web-page header as metadata and not as text', () => {
    const doc = corpus.documents.find((d) => d.id === 'extern/hollandrijnland_jeugd')!;
    expect(doc.source).toBe('https://hollandrijnland.nl/maatschappij-en-jeugd/jeugd/');
    expect(doc.title).toMatch(/^Jeugd – Holland Rijnland/);
    expect(corpus.chunks.filter((c) => c.docId === doc.id).some((c) => /URL:|EXCERPT:/.test(c.text))).toBe(false);
  });

  it('adds curated glossary entries beside the extracted ones', () => {
    expect(corpus.glossary.find((g) => g.abbr === 'ZOB')).toMatchObject({ expansion: 'Zuidoost-Brabant', origin: 'curated' });
  });

  it('re-parses nothing on a second run, and a deleted file leaves the index', async () => {
    expect(await isIndexStale([corpusDir], dataDir)).toBe(false);
    const second = await ingestCorpus(base);
    expect(second.indexed).toEqual([]);
    expect(second.unchanged).toHaveLength(7);
    expect(second.indexDir).toBe(first.indexDir);

    fs.rmSync(path.join(corpusDir, 'extern', 'jeugdautoriteit_regiovisies_2022.txt'));
    expect(await isIndexStale([corpusDir], dataDir)).toBe(true);
    const third = await ingestCorpus(base);
    expect(third.removed).toEqual(['extern/jeugdautoriteit_regiovisies_2022.txt']);
    expect(third.indexed).toEqual([]);
    const after = loadIndexedCorpus(dataDir)!;
    expect(after.indexDir).toBe(third.indexDir);
    expect(after.corpus.chunks.some((c) => c.docId === 'extern/jeugdautoriteit_regiovisies_2022')).toBe(false);
    expect(after.corpus.documents).toHaveLength(6);
  }, 60_000);

  it('leaves the last good index in use when building fails, and flags an unreadable index as corrupt', async () => {
    fs.writeFileSync(path.join(corpusDir, 'nieuw.txt'), 'Een nieuw document over de inkoop van jeugdhulp in de regio.\n');
    const before = loadIndexedCorpus(dataDir)!.indexDir;
    await expect(ingestCorpus({ ...base, afterBuild: async () => { throw new Error('vector store full'); } })).rejects.toMatchObject({ code: 'INGEST_FAILED' });
    expect(loadIndexedCorpus(dataDir)!.indexDir).toBe(before);

    const broken = path.join(tmp, 'broken-data');
    fs.mkdirSync(path.join(broken, 'index', 'builds', 'x'), { recursive: true });
    fs.writeFileSync(path.join(broken, 'index', 'CURRENT'), 'x');
    fs.writeFileSync(path.join(broken, 'index', 'builds', 'x', 'corpus.json'), '{"documents": [');
    expect(() => loadIndexedCorpus(broken)).toThrow(expect.objectContaining({ code: 'INDEX_CORRUPT' }));
    expect(loadIndexedCorpus(path.join(tmp, 'nothing-here'))).toBeNull();
  }, 60_000);

  it('refuses a file over the size limit before reading it', async () => {
    const report = await ingestCorpus({ ...base, dataDir: path.join(tmp, 'small-limit'), maxFileBytes: 50_000 });
    const big = report.failed.find((f) => f.file.endsWith('20180910-CORV-KTP-Informatieblad.pdf'));
    expect(big?.reason).toMatch(/te groot|too large/);
    expect(report.documents).toBeGreaterThan(0);
  }, 60_000);
});
