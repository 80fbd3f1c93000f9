// Where the built index lives: data/index/builds/<id>/ (corpus.json, manifest.json and whatever
// retrieval writes in afterBuild) and data/index/CURRENT naming the build in use. CURRENT is switched
// with write-temp-then-rename, so a crash mid-ingest leaves the last good index in use.
import fs from 'node:fs';
import path from 'node:path';
import type { IndexedCorpus } from '../src/core/types.js';
import { AppError } from '../src/errors/app-error.js';
import type { IngestFailureKind } from './ingest-error.js';

export interface ManifestFile {
  /** Absolute path. */
  path: string;
  size: number;
  mtimeMs: number;
  sha256: string;
}

export interface IndexManifest {
  pipelineVersion: string;
  corpusDirs: string[];
  /** Documents and metadata files (catalogs, sidecars, glossary) the build was made from. */
  files: ManifestFile[];
  /** Files that failed, with their sha, so an unchanged broken file is not retried needlessly. */
  failed: (ManifestFile & { reason: string; action: string; kind?: IngestFailureKind; keptPrevious?: boolean })[];
}

export function indexRoot(dataDir: string): string {
  return path.join(dataDir, 'index');
}

function currentFile(dataDir: string): string {
  return path.join(indexRoot(dataDir), 'CURRENT');
}

export function newBuildDir(dataDir: string): string {
  const id = `${new Date().toISOString().replace(/[-:.]/g, '').replace('T', '-').slice(0, 15)}-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const dir = path.join(indexRoot(dataDir), 'builds', id);
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Build directory CURRENT points to, or null when there is no index yet. */
export function currentBuildDir(dataDir: string): string | null {
  let id: string;
  try {
    id = fs.readFileSync(currentFile(dataDir), 'utf8').trim();
  } catch {
    return null;
  }
  if (!id || id.includes('..') || id.includes('/') || id.includes('\\')) {
    throw new AppError('INDEX_CORRUPT', `data/index/CURRENT is unreadable: ${JSON.stringify(id.slice(0, 80))}`, { dataDir });
  }
  return path.join(indexRoot(dataDir), 'builds', id);
}

/** Write to a temp file, flush it to disk, then rename: readers see the old or the new file, never half. */
export function writeFileAtomic(file: string, data: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, data);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  fs.renameSync(tmp, file);
}

export function writeJsonAtomic(file: string, value: unknown): void {
  writeFileAtomic(file, JSON.stringify(value));
}

function fsyncPath(p: string): void {
  try {
    const fd = fs.openSync(p, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Some file systems refuse fsync on directories; the rename is still atomic.
  }
}

/** Written last into a build: the files it holds and their sizes. A build without it is unfinished. */
export const BUILD_SEAL = 'build-complete.json';

export interface BuildSeal {
  completedAt: string;
  files: { name: string; size: number }[];
}

/**
 * Mark a build complete once everything (corpus, manifest, retrieval's vector files) is in it: flush
 * every file to disk and record its size, so a later start can tell a whole build from a damaged one.
 */
export function sealBuild(buildDir: string): void {
  const files: BuildSeal['files'] = [];
  for (const name of fs.readdirSync(buildDir).sort()) {
    const full = path.join(buildDir, name);
    const st = fs.statSync(full);
    if (!st.isFile() || name === BUILD_SEAL || name.endsWith('.tmp')) continue;
    fsyncPath(full);
    files.push({ name, size: st.size });
  }
  writeJsonAtomic(path.join(buildDir, BUILD_SEAL), { completedAt: new Date().toISOString(), files } satisfies BuildSeal);
  fsyncPath(buildDir);
}

export function readBuildSeal(buildDir: string): BuildSeal | null {
  try {
    const s = JSON.parse(fs.readFileSync(path.join(buildDir, BUILD_SEAL), 'utf8')) as BuildSeal;
    return Array.isArray(s.files) ? s : null;
  } catch {
    return null;
  }
}

export function writeBuild(buildDir: string, corpus: IndexedCorpus, manifest: IndexManifest): void {
  writeJsonAtomic(path.join(buildDir, 'corpus.json'), corpus);
  writeJsonAtomic(path.join(buildDir, 'manifest.json'), manifest);
}

/** Make `buildDir` the index in use (atomic), then remove all builds but this one and the previous. */
export function switchCurrent(dataDir: string, buildDir: string): void {
  const root = indexRoot(dataDir);
  const previous = (() => {
    try {
      return currentBuildDir(dataDir);
    } catch {
      return null;
    }
  })();
  writeFileAtomic(currentFile(dataDir), path.basename(buildDir));
  fsyncPath(root);
  // The caller holds the ingest lock, so no other build is in progress: everything but the new build
  // and the one before it (a running server may still be reading it) is an old or unfinished build.
  const keep = new Set([path.basename(buildDir), previous ? path.basename(previous) : '']);
  const buildsDir = path.join(root, 'builds');
  for (const name of fs.readdirSync(buildsDir)) {
    if (keep.has(name)) continue;
    try {
      fs.rmSync(path.join(buildsDir, name), { recursive: true, force: true });
    } catch {
      // Pruning is best effort.
    }
  }
}

function isCorpus(v: unknown): v is IndexedCorpus {
  const c = v as IndexedCorpus;
  return !!c && Array.isArray(c.documents) && Array.isArray(c.chunks) && Array.isArray(c.glossary) && typeof c.builtAt === 'string';
}

/** The index in use: null when there is none; AppError('INDEX_CORRUPT') when CURRENT points to something unreadable. */
export function loadIndexedCorpus(dataDir: string): { corpus: IndexedCorpus; indexDir: string } | null {
  const dir = currentBuildDir(dataDir);
  if (!dir) return null;
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(path.join(dir, 'corpus.json'), 'utf8'));
  } catch (cause) {
    throw new AppError('INDEX_CORRUPT', `index ${path.basename(dir)} is unreadable; run npm run ingest -- --force`, { dir }, { cause });
  }
  if (!isCorpus(data)) throw new AppError('INDEX_CORRUPT', `index ${path.basename(dir)} has an unexpected shape; run npm run ingest -- --force`, { dir });
  return { corpus: data, indexDir: dir };
}

export function readManifest(buildDir: string): IndexManifest | null {
  try {
    const m = JSON.parse(fs.readFileSync(path.join(buildDir, 'manifest.json'), 'utf8')) as IndexManifest;
    return Array.isArray(m.files) ? { ...m, failed: m.failed ?? [] } : null;
  } catch {
    return null;
  }
}
