// The ingest pipeline: find documents → load (per format) → clean → split into chunks → metadata →
// glossary → write a new build → let retrieval add its files (afterBuild) → switch CURRENT atomically.
// Unchanged files come from the parse cache; a file that fails is reported and the rest is indexed.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Chunk, DocumentMeta, IndexedCorpus } from '../src/core/types.js';
import { AppError } from '../src/errors/app-error.js';
import { readCatalogs, readSidecar, listDocumentFiles, listMetadataFiles, type CatalogEntry } from './catalog.js';
import { cleanLayoutText } from './clean-text.js';
import { extractGlossary, readCuratedGlossary } from './extract-glossary.js';
import { currentBuildDir, newBuildDir, readManifest, sealBuild, switchCurrent, writeBuild, type IndexManifest, type ManifestFile } from './index-store.js';
import { checkIndexHealth, healthyOtherBuilds, inspectBuild } from './index-health.js';
import { IngestError, type IngestFailureKind } from './ingest-error.js';
import { acquireIngestLock } from './ingest-lock.js';
import { loadDocx } from './loaders/load-docx.js';
import { loadHtml } from './loaders/load-html.js';
import { loadPdf } from './loaders/load-pdf.js';
import { loadText } from './loaders/load-text.js';
import type { ParserLimits } from './loaders/run-parser.js';
import { parseMarkdown } from './parse-markdown.js';
import { pruneParseCache, readParseCache, writeParseCache, type CachedParse } from './parse-cache.js';
import { splitIntoChunks } from './split-into-chunks.js';
import { PIPELINE_VERSION, type Block, type IngestFailure, type IngestOptions, type IngestReport, type LoadedText } from './types.js';

interface SourceFile {
  corpusDir: string;
  /** Path relative to the corpus dir, '/' separated. */
  rel: string;
  abs: string;
  id: string;
}

function sha256(bytes: Uint8Array): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

function sha256OfFile(file: string): string {
  return sha256(fs.readFileSync(file));
}

/** Document ids: path without extension; when two corpus dirs give the same id, the later one is prefixed with its dir's name. */
export function discoverSources(corpusDirs: string[]): SourceFile[] {
  const out: SourceFile[] = [];
  const taken = new Set<string>();
  for (const dirRaw of corpusDirs) {
    const corpusDir = path.resolve(dirRaw);
    for (const rel of listDocumentFiles(corpusDir)) {
      let id = rel.replace(/\.[^./]+$/, '');
      if (taken.has(id)) id = `${path.basename(corpusDir)}/${id}`;
      let n = 2;
      const base = id;
      while (taken.has(id)) id = `${base}-${n++}`;
      taken.add(id);
      out.push({ corpusDir, rel, abs: path.join(corpusDir, rel), id });
    }
  }
  return out;
}

/** Load one file into text by format. PDF and .docx are parsed in a bounded child process. */
async function loadFile(file: string, bytes: Buffer, limits: ParserLimits): Promise<LoadedText> {
  const ext = path.extname(file).toLowerCase();
  switch (ext) {
    case '.pdf':
      if (!bytes.subarray(0, 1024).toString('latin1').includes('%PDF-')) {
        throw new IngestError('corrupt', 'geen PDF (de kop %PDF- ontbreekt) / not a PDF (missing %PDF- header)', 'Exporteer het document opnieuw als PDF / export the document again as PDF');
      }
      return loadPdf(file, limits);
    case '.docx':
      return loadDocx(file, bytes, limits);
    case '.html':
    case '.htm':
      return loadHtml(bytes);
    default:
      return loadText(bytes, ext);
  }
}

export function blocksOf(loaded: LoadedText): Block[] {
  return loaded.format === 'markdown' ? parseMarkdown(loaded.pages, loaded.paged) : cleanLayoutText(loaded.pages, { paged: loaded.paged });
}

function failureFrom(e: unknown): { kind: IngestFailureKind; reason: string; action: string } {
  if (e instanceof IngestError) return { kind: e.kind, reason: e.reason, action: e.action };
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'EACCES' || err?.code === 'EPERM') return { kind: 'unreadable', reason: `geen leesrechten / no permission to read (${err.code})`, action: 'Pas de bestandsrechten aan / fix the file permissions' };
  return { kind: 'unreadable', reason: `onverwachte fout / unexpected error: ${err?.message ?? String(e)}`, action: 'Meld dit met het bestand bij de beheerder / report this with the file to the administrator' };
}

/** Failures that depend only on the file's bytes: an unchanged file fails the same way, so it is not parsed again. */
const deterministicFailures = new Set<IngestFailureKind>(['corrupt', 'encrypted', 'needs-ocr', 'zip-bomb', 'binary', 'empty']);

/** Same failed files (path and content) as the previous build, so nothing about the failures changed. */
function sameFailures(a: IndexManifest['failed'], b: IndexManifest['failed']): boolean {
  const key = (f: IndexManifest['failed'][number]) => `${f.path}\u0000${f.sha256}\u0000${f.keptPrevious ? 1 : 0}`;
  const as = new Set(a.map(key));
  return a.length === b.length && b.every((f) => as.has(key(f)));
}

function documentMeta(src: SourceFile, sha: string, parsed: CachedParse, catalog: CatalogEntry | undefined): DocumentMeta {
  const side = readSidecar(src.abs) ?? {};
  const pick = (k: 'title' | 'type' | 'date' | 'region' | 'source' | 'scope') => side[k] ?? catalog?.[k];
  const title = pick('title') ?? parsed.meta?.title ?? parsed.firstHeading ?? path.basename(src.rel).replace(/\.[^.]+$/, '');
  const date = pick('date') ?? parsed.meta?.date;
  const source = pick('source') ?? parsed.meta?.source;
  const region = pick('region');
  const scope = pick('scope') ?? region;
  const type = pick('type');
  return {
    id: src.id,
    path: src.abs,
    file: path.basename(src.rel),
    title,
    ...(type ? { type } : {}),
    ...(date ? { date } : {}),
    ...(region ? { region } : {}),
    ...(source ? { source } : {}),
    ...(scope ? { scope } : {}),
    sha256: sha,
    ...(parsed.pages ? { pages: parsed.pages } : {}),
  };
}

function manifestEntry(file: string, sha?: string): ManifestFile {
  const st = fs.statSync(file);
  return { path: file, size: st.size, mtimeMs: st.mtimeMs, sha256: sha ?? sha256OfFile(file) };
}

export async function ingestCorpus(options: IngestOptions): Promise<IngestReport> {
  const t0 = performance.now();
  const { dataDir, parseTimeoutMs, logger } = options;
  const limits: ParserLimits = { timeoutMs: parseTimeoutMs, ...(options.parseMemoryMb ? { maxMemoryMb: options.parseMemoryMb } : {}) };
  const corpusDirs = options.corpusDirs.map((d) => path.resolve(d));
  for (const d of corpusDirs) {
    if (!fs.existsSync(d) || !fs.statSync(d).isDirectory()) throw new AppError('INGEST_FAILED', `corpus directory not found: ${d}`, { dir: d });
  }
  // One ingest per data dir at a time; a lock left by a killed ingest is stale and taken over.
  const lock = await acquireIngestLock(dataDir, {
    waitMs: options.lockWaitMs ?? 10 * 60_000,
    onStaleLock: (reason) => logger?.warn('ingest: taking over a stale lock', { reason }),
  });
  try {
    return await ingestLocked(options, corpusDirs, limits, t0);
  } finally {
    lock.release();
  }
}

async function ingestLocked(options: IngestOptions, corpusDirs: string[], limits: ParserLimits, t0: number): Promise<IngestReport> {
  const { dataDir, maxFileBytes, force = false, onProgress, afterBuild, logger } = options;

  // The previous build tells which files are unchanged, which were removed, and holds the last good
  // version of a file that has since become unreadable. A damaged index is not trusted: everything is
  // rebuilt (from the parse cache where it can), taking last good versions from an older whole build.
  let previous: IndexedCorpus | null = null;
  let previousDir: string | null = null;
  let damagedIndex: string | undefined;
  try {
    const dir = currentBuildDir(dataDir);
    if (dir) {
      const inspected = inspectBuild(dir);
      if ('corpus' in inspected) {
        previous = inspected.corpus;
        previousDir = dir;
      } else damagedIndex = inspected.problem;
    }
  } catch (e) {
    damagedIndex = (e as Error).message;
  }
  if (damagedIndex) {
    logger?.warn('ingest: index in use is damaged; rebuilding from the corpus', { problem: damagedIndex });
    previous = healthyOtherBuilds(dataDir)[0]?.corpus ?? null;
  }
  const previousManifest = previousDir ? readManifest(previousDir) : null;
  const previousSha = new Map<string, string>((previous?.documents ?? []).map((d) => [d.path, d.sha256]));
  const previousDocByPath = new Map<string, DocumentMeta>((previous?.documents ?? []).map((d) => [d.path, d]));

  const sources = discoverSources(corpusDirs);
  const catalogs = new Map(corpusDirs.map((d) => [d, readCatalogs(d)]));
  const documents: DocumentMeta[] = [];
  const chunks: Chunk[] = [];
  const indexed: string[] = [];
  const unchanged: string[] = [];
  const failed: IngestFailure[] = [];
  const manifestFiles: ManifestFile[] = [];
  const manifestFailed: IndexManifest['failed'] = [];
  const keepSha = new Set<string>();

  for (const [i, src] of sources.entries()) {
    const display = corpusDirs.length > 1 ? `${path.basename(src.corpusDir)}/${src.rel}` : src.rel;
    const progress = { index: i + 1, total: sources.length, file: display };
    let stat: fs.Stats | undefined;
    let sha: string | undefined;
    try {
      stat = fs.statSync(src.abs);
      // The size limit is checked before anything is read.
      if (stat.size > maxFileBytes) {
        throw new IngestError('too-large', `te groot: ${(stat.size / 1048576).toFixed(1)} MB, limiet ${(maxFileBytes / 1048576).toFixed(1)} MB / too large`, 'Splits het document of verhoog MAX_FILE_MB / split the document or raise MAX_FILE_MB');
      }
      if (stat.size === 0) throw new IngestError('empty', 'leeg bestand (0 bytes) / empty file', 'Vervang het door de volledige versie / replace it with the complete file');
      const bytes = fs.readFileSync(src.abs);
      sha = sha256(bytes);
      let parsed = force ? null : readParseCache(dataDir, sha);
      const wasCached = parsed !== null;
      if (!parsed) {
        const knownFailure = force ? undefined : previousManifest?.failed.find((f) => f.path === src.abs && f.sha256 === sha && f.kind && deterministicFailures.has(f.kind));
        if (knownFailure) throw new IngestError(knownFailure.kind!, knownFailure.reason, knownFailure.action);
        const loaded = await loadFile(src.abs, bytes, limits);
        const blocks = blocksOf(loaded);
        if (!blocks.some((b) => b.kind !== 'heading')) throw new IngestError('empty', 'geen tekst gevonden / no text found', 'Controleer of het document tekst bevat (geen afbeelding) / check that the document contains text');
        const firstHeading = blocks.find((b) => b.kind === 'heading')?.text;
        parsed = {
          version: PIPELINE_VERSION,
          sha256: sha,
          blocks,
          pages: loaded.paged ? loaded.pages.length : null,
          ...(loaded.meta ? { meta: loaded.meta } : {}),
          ...(firstHeading ? { firstHeading } : {}),
        };
        writeParseCache(dataDir, parsed);
      }
      keepSha.add(sha);
      const meta = documentMeta(src, sha, parsed, catalogs.get(src.corpusDir)?.entries.get(src.rel));
      const docChunks = splitIntoChunks(src.id, parsed.blocks);
      documents.push(meta);
      chunks.push(...docChunks);
      manifestFiles.push({ path: src.abs, size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha });
      const isUnchanged = !force && wasCached && previousSha.get(src.abs) === sha;
      (isUnchanged ? unchanged : indexed).push(display);
      onProgress?.({ ...progress, status: isUnchanged ? 'unchanged' : 'indexed', chunks: docChunks.length });
    } catch (e) {
      const { kind, ...f } = failureFrom(e);
      // Nothing lost: a file that was indexed before keeps its last good version in the index.
      const before = previousDocByPath.get(src.abs);
      const beforeChunks = before ? (previous?.chunks ?? []).filter((c) => c.docId === before.id) : [];
      const keptPrevious = !!before && beforeChunks.length > 0;
      if (keptPrevious) {
        documents.push(before!);
        chunks.push(...beforeChunks);
      }
      failed.push({ file: display, ...f, ...(keptPrevious ? { keptPrevious } : {}) });
      if (stat) manifestFailed.push({ path: src.abs, size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha ?? '', ...f, kind, ...(keptPrevious ? { keptPrevious } : {}) });
      // Without a stat the file is unreadable and stays out of the manifest: the index is stale until it is fixed.
      logger?.warn(keptPrevious ? 'ingest: file failed, kept its previous version' : 'ingest: file failed', { file: display, reason: f.reason });
      onProgress?.({ ...progress, status: 'failed', reason: f.reason, ...(keptPrevious ? { keptPrevious } : {}) });
    }
  }

  const currentPaths = new Set(sources.map((s) => s.abs));
  const removed = (previous?.documents ?? [])
    .filter((d) => !currentPaths.has(d.path))
    .map((d) => (corpusDirs.length > 1 ? `${path.basename(path.dirname(d.path))}/${d.file}` : path.relative(corpusDirs[0]!, d.path).split(path.sep).join('/')));

  const metadataFiles = corpusDirs.flatMap(listMetadataFiles).map((f) => manifestEntry(f));
  const manifest: IndexManifest = { pipelineVersion: PIPELINE_VERSION, corpusDirs, files: [...manifestFiles, ...metadataFiles], failed: manifestFailed };

  // Nothing changed: keep the build in use (retrieval's files in it stay valid).
  const sameMetadata =
    previousManifest !== null &&
    previousManifest.pipelineVersion === PIPELINE_VERSION &&
    JSON.stringify(previousManifest.corpusDirs) === JSON.stringify(corpusDirs) &&
    metadataFiles.every((m) => previousManifest.files.some((p) => p.path === m.path && p.sha256 === m.sha256)) &&
    previousManifest.files.filter((p) => !currentPaths.has(p.path)).every((p) => metadataFiles.some((m) => m.path === p.path)) &&
    sameFailures(previousManifest.failed, manifestFailed);
  if (!force && previousDir && sameMetadata && indexed.length === 0 && removed.length === 0 && previous?.documents.length === documents.length) {
    pruneParseCache(dataDir, keepSha);
    return { indexDir: previousDir, documents: documents.length, chunks: chunks.length, indexed, unchanged, removed, failed, ms: Math.round(performance.now() - t0) };
  }

  const curated = readCuratedGlossary(corpusDirs);
  for (const p of [...curated.problems, ...[...catalogs.values()].flatMap((c) => c.problems)]) logger?.warn('ingest: metadata problem', { problem: p });
  const corpus: IndexedCorpus = { documents, chunks, glossary: [...extractGlossary(chunks), ...curated.entries], builtAt: new Date().toISOString() };

  // Written to a new build dir; CURRENT names it only once it is complete and sealed.
  const buildDir = newBuildDir(dataDir);
  try {
    writeBuild(buildDir, corpus, manifest);
    if (afterBuild) await afterBuild(corpus, buildDir);
    sealBuild(buildDir);
    switchCurrent(dataDir, buildDir);
  } catch (cause) {
    fs.rmSync(buildDir, { recursive: true, force: true });
    throw new AppError('INGEST_FAILED', `building the index failed: ${(cause as Error).message}`, { buildDir }, { cause });
  }
  pruneParseCache(dataDir, keepSha);
  logger?.info('ingest done', { documents: documents.length, chunks: chunks.length, failed: failed.length });
  return {
    indexDir: buildDir,
    documents: documents.length,
    chunks: chunks.length,
    indexed,
    unchanged,
    removed,
    failed,
    ms: Math.round(performance.now() - t0),
    ...(damagedIndex ? { damagedIndex } : {}),
  };
}

/**
 * Cheap staleness check: no index, another pipeline version or corpus dirs, a file added or removed,
 * or a file whose size/mtime changed and whose sha256 differs.
 */
export async function isIndexStale(corpusDirs: string[], dataDir: string): Promise<boolean> {
  let dir: string | null;
  try {
    dir = currentBuildDir(dataDir);
  } catch {
    return true;
  }
  if (!dir) return true;
  if (!checkIndexHealth(dataDir).ok) return true;
  const manifest = readManifest(dir);
  if (!manifest || manifest.pipelineVersion !== PIPELINE_VERSION) return true;
  const dirs = corpusDirs.map((d) => path.resolve(d));
  if (JSON.stringify(manifest.corpusDirs) !== JSON.stringify(dirs)) return true;
  const known = new Map<string, ManifestFile>([...manifest.files, ...manifest.failed].map((f) => [f.path, f]));
  const now = [...discoverSources(dirs).map((s) => s.abs), ...dirs.flatMap(listMetadataFiles)];
  if (now.length !== known.size) return true;
  for (const file of now) {
    const m = known.get(file);
    if (!m) return true;
    let st: fs.Stats;
    try {
      st = fs.statSync(file);
    } catch {
      return true;
    }
    if (st.size === m.size && st.mtimeMs === m.mtimeMs) continue;
    if (st.size !== m.size || sha256OfFile(file) !== m.sha256) return true;
  }
  return false;
}
