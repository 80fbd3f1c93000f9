// Is the index in use whole? Run at start (bootstrap) and by ingest itself: CURRENT must name an existing
// build, the build's seal must list files that are all there with their sizes, corpus.json and
// manifest.json must parse, and every chunk must belong to a document. A damaged index is rebuilt from
// corpus/ by the next ingest, which then does not trust it.
import fs from 'node:fs';
import path from 'node:path';
import type { IndexedCorpus } from '../src/core/types.js';
import { currentBuildDir, indexRoot, readBuildSeal, readManifest } from './index-store.js';

export type IndexHealth =
  | { ok: true; indexDir: string; documents: number; chunks: number; builtAt: string }
  | { ok: false; kind: 'missing' | 'damaged'; problem: string; indexDir?: string };

/** Why the build in `dir` cannot be used, or its corpus when it is whole. */
export function inspectBuild(dir: string): { problem: string } | { corpus: IndexedCorpus } {
  const name = path.basename(dir);
  if (!fs.existsSync(dir)) return { problem: `build ${name} named by CURRENT does not exist` };
  const seal = readBuildSeal(dir);
  if (seal) {
    for (const f of seal.files) {
      let size: number;
      try {
        size = fs.statSync(path.join(dir, f.name)).size;
      } catch {
        return { problem: `${f.name} is missing from build ${name}` };
      }
      if (size !== f.size) return { problem: `${f.name} in build ${name} has ${size} bytes, expected ${f.size}` };
    }
  }
  let corpus: IndexedCorpus;
  try {
    corpus = JSON.parse(fs.readFileSync(path.join(dir, 'corpus.json'), 'utf8')) as IndexedCorpus;
  } catch (e) {
    return { problem: `corpus.json of build ${name} is unreadable (${(e as Error).message.slice(0, 120)})` };
  }
  if (!corpus || !Array.isArray(corpus.documents) || !Array.isArray(corpus.chunks) || !Array.isArray(corpus.glossary) || typeof corpus.builtAt !== 'string') {
    return { problem: `corpus.json of build ${name} has an unexpected shape` };
  }
  if (!readManifest(dir)) return { problem: `manifest.json of build ${name} is missing or unreadable` };
  const ids = new Set(corpus.documents.map((d) => d.id));
  const orphan = corpus.chunks.find((c) => typeof c?.text !== 'string' || !ids.has(c.docId));
  if (orphan) return { problem: `build ${name} has a chunk of unknown document ${JSON.stringify(orphan.docId)}` };
  // Builds sealed before vectors existed, or by a pipeline without them, are fine; but vector metadata
  // without its vector file means the build lost a file.
  const vectorMeta = path.join(dir, 'vectors.meta.json');
  if (fs.existsSync(vectorMeta)) {
    try {
      const meta = JSON.parse(fs.readFileSync(vectorMeta, 'utf8')) as { count?: number };
      if ((meta.count ?? 0) > 0 && !fs.existsSync(path.join(dir, 'vectors.hnsw'))) return { problem: `vectors.hnsw is missing from build ${name}` };
    } catch {
      return { problem: `vectors.meta.json of build ${name} is unreadable` };
    }
  }
  return { corpus };
}

/**
 * Health of the index in use under `dataDir`. `missing`: nothing built yet (normal on a fresh clone).
 * `damaged`: something is there but unusable; run ingest (it rebuilds from the corpus folders).
 */
export function checkIndexHealth(dataDir: string): IndexHealth {
  let dir: string | null;
  try {
    dir = currentBuildDir(dataDir);
  } catch (e) {
    return { ok: false, kind: 'damaged', problem: (e as Error).message };
  }
  if (!dir) return { ok: false, kind: 'missing', problem: `no index yet in ${indexRoot(dataDir)}` };
  const result = inspectBuild(dir);
  if ('problem' in result) return { ok: false, kind: 'damaged', problem: result.problem, indexDir: dir };
  return { ok: true, indexDir: dir, documents: result.corpus.documents.length, chunks: result.corpus.chunks.length, builtAt: result.corpus.builtAt };
}

/** Other sealed, whole builds, newest first: where ingest finds the last good versions when CURRENT is damaged. */
export function healthyOtherBuilds(dataDir: string): { dir: string; corpus: IndexedCorpus }[] {
  const buildsDir = path.join(indexRoot(dataDir), 'builds');
  let current: string | null = null;
  try {
    current = currentBuildDir(dataDir);
  } catch {
    // Damaged CURRENT: every build is "other".
  }
  let names: string[];
  try {
    names = fs.readdirSync(buildsDir);
  } catch {
    return [];
  }
  const out: { dir: string; corpus: IndexedCorpus; completedAt: string }[] = [];
  for (const n of names) {
    const dir = path.join(buildsDir, n);
    if (dir === current) continue;
    const seal = readBuildSeal(dir);
    if (!seal) continue; // unfinished: an ingest died while writing it
    const r = inspectBuild(dir);
    if ('corpus' in r) out.push({ dir, corpus: r.corpus, completedAt: seal.completedAt });
  }
  return out.sort((a, b) => b.completedAt.localeCompare(a.completedAt)).map(({ dir, corpus }) => ({ dir, corpus }));
}
