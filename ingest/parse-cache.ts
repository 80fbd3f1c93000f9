// Per-file parse cache under data/cache/parse: cleaned blocks keyed by the file's sha256 and the
// pipeline version, so an unchanged file is never parsed twice and a pipeline change re-parses all.
import fs from 'node:fs';
import path from 'node:path';
import { PIPELINE_VERSION, type Block, type LoadedText } from './types.js';

export interface CachedParse {
  version: string;
  sha256: string;
  blocks: Block[];
  pages: number | null;
  meta?: LoadedText['meta'];
  firstHeading?: string;
}

function cacheFile(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'cache', 'parse', `${PIPELINE_VERSION}-${sha256}.json`);
}

export function readParseCache(dataDir: string, sha256: string): CachedParse | null {
  try {
    const c = JSON.parse(fs.readFileSync(cacheFile(dataDir, sha256), 'utf8')) as CachedParse;
    return c.version === PIPELINE_VERSION && c.sha256 === sha256 && Array.isArray(c.blocks) ? c : null;
  } catch {
    return null;
  }
}

export function writeParseCache(dataDir: string, entry: CachedParse): void {
  const file = cacheFile(dataDir, entry.sha256);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(entry));
  fs.renameSync(tmp, file);
}

/** Remove cache entries of other pipeline versions or of files no longer in the corpus. */
export function pruneParseCache(dataDir: string, keepSha: Set<string>): void {
  const dir = path.join(dataDir, 'cache', 'parse');
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return;
  }
  for (const n of names) {
    const m = /^(.*)-([0-9a-f]{64})\.json$/.exec(n);
    if (!m || m[1] !== PIPELINE_VERSION || !keepSha.has(m[2]!)) fs.rmSync(path.join(dir, n), { force: true });
  }
}
