// Document metadata: catalog.json beside the files (array of {file,title,type,date,region,source}),
// an optional <file>.meta.json sidecar for a single dropped file, and which files are documents at all.
import fs from 'node:fs';
import path from 'node:path';

export interface CatalogEntry {
  file: string;
  title?: string;
  type?: string;
  date?: string;
  region?: string;
  source?: string;
  scope?: string;
}

export const DOCUMENT_EXTENSIONS = new Set(['.pdf', '.docx', '.txt', '.md', '.markdown', '.html', '.htm']);

/** Files that live in corpus folders but are metadata or configuration, never documents. */
export function isMetadataFile(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    lower === 'catalog.json' ||
    lower === 'glossary.json' ||
    lower === 'readme.md' ||
    lower.endsWith('.meta.json') ||
    /^milestones?([._-].*)?\.(json|ya?ml|md|txt|csv)$/.test(lower)
  );
}

/** Files under a corpus directory that `keep` accepts, absolute paths, sorted; hidden entries skipped. */
function walkCorpus(corpusDir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name.startsWith('.') || e.name === 'node_modules') continue;
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (e.isFile() && keep(e.name)) out.push(full);
    }
  };
  walk(corpusDir);
  return out.sort();
}

/** Document files under a corpus directory, relative paths with '/' separators, sorted. */
export function listDocumentFiles(corpusDir: string): string[] {
  return walkCorpus(corpusDir, (name) => DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase()) && !isMetadataFile(name))
    .map((full) => path.relative(corpusDir, full).split(path.sep).join('/'))
    .sort();
}

/** Metadata files whose changes must also refresh the index (catalogs, sidecars, curated glossary). */
export function listMetadataFiles(corpusDir: string): string[] {
  return walkCorpus(corpusDir, (name) => /^(catalog|glossary)\.json$/i.test(name) || name.toLowerCase().endsWith('.meta.json'));
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function asEntry(v: unknown): CatalogEntry | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  const str = (k: string) => (typeof o[k] === 'string' && (o[k] as string).trim() ? (o[k] as string).trim() : undefined);
  const entry: CatalogEntry = { file: str('file') ?? '' };
  for (const k of ['title', 'type', 'date', 'region', 'source', 'scope'] as const) {
    const s = str(k);
    if (s) entry[k] = s;
  }
  return entry;
}

/**
 * Catalog entries for every document in a corpus dir, keyed by relative path ('sub/file.pdf').
 * A catalog.json in a subfolder describes the files beside it. Problems are returned, not thrown.
 */
export function readCatalogs(corpusDir: string): { entries: Map<string, CatalogEntry>; problems: string[] } {
  const entries = new Map<string, CatalogEntry>();
  const problems: string[] = [];
  for (const file of listMetadataFiles(corpusDir).filter((f) => path.basename(f).toLowerCase() === 'catalog.json')) {
    const data = readJson(file);
    const rel = path.relative(corpusDir, path.dirname(file)).split(path.sep).join('/');
    if (!Array.isArray(data)) {
      problems.push(`${path.relative(corpusDir, file)}: geen geldige lijst (JSON array) / not a valid JSON array`);
      continue;
    }
    for (const item of data) {
      const e = asEntry(item);
      if (!e || !e.file) continue;
      entries.set(rel ? `${rel}/${e.file}` : e.file, e);
    }
  }
  return { entries, problems };
}

/** The optional sidecar `<file>.meta.json` (same fields as a catalog entry). */
export function readSidecar(absoluteFile: string): Partial<CatalogEntry> | null {
  const data = readJson(`${absoluteFile}.meta.json`);
  const e = asEntry({ file: path.basename(absoluteFile), ...(data && typeof data === 'object' ? data : {}) });
  return data && e ? e : null;
}
