// `npm run ingest [-- --corpus DIR ...] [--force]`: index the corpus, show progress on stderr, then a
// report with counts and, per failed file, the reason and what to do. Exit code 1 when a file failed.
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/core/logger.js';
import { isAppError } from '../src/errors/app-error.js';
import { ingestCorpus } from './ingest-corpus.js';
import type { IngestProgress } from './types.js';

function parseArgs(argv: string[]): { corpusDirs: string[]; force: boolean; help: boolean } {
  const corpusDirs: string[] = [];
  let force = false;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--force' || a === '-f') force = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a === '--corpus' && argv[i + 1]) corpusDirs.push(argv[++i]!);
    else if (a.startsWith('--corpus=')) corpusDirs.push(a.slice('--corpus='.length));
    else throw new Error(`unknown argument: ${a}`);
  }
  return { corpusDirs, force, help };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write('npm run ingest [-- --corpus DIR ...] [--force]\n  Indexes the corpus folders (default: CORPUS_DIRS or ./corpus) into DATA_DIR/index.\n');
    return 0;
  }
  const config = loadConfig();
  const corpusDirs = args.corpusDirs.length ? args.corpusDirs.map((d) => path.resolve(d)) : config.corpusDirs;
  const tty = process.stderr.isTTY;
  const onProgress = (e: IngestProgress) => {
    const mark = e.status === 'failed' ? '✗' : e.status === 'unchanged' ? '=' : '✓';
    const detail = e.status === 'failed' ? ` — ${e.reason}` : ` (${e.chunks} chunks${e.status === 'unchanged' ? ', unchanged' : ''})`;
    const line = `[${e.index}/${e.total}] ${mark} ${e.file}${detail}`;
    process.stderr.write(tty ? `\r\x1b[2K${line}${e.status === 'failed' || e.index === e.total ? '\n' : ''}` : `${line}\n`);
  };
  const report = await ingestCorpus({
    corpusDirs,
    dataDir: config.dataDir,
    maxFileBytes: Math.round(config.MAX_FILE_MB * 1024 * 1024),
    parseTimeoutMs: config.PARSE_TIMEOUT_MS,
    force: args.force,
    onProgress,
    logger: createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL),
  });
  const out = [
    '',
    `Index: ${path.relative(process.cwd(), report.indexDir) || report.indexDir}`,
    `Documents: ${report.documents}   chunks: ${report.chunks}   time: ${(report.ms / 1000).toFixed(1)} s`,
    `Indexed: ${report.indexed.length}   unchanged: ${report.unchanged.length}   removed: ${report.removed.length}   failed: ${report.failed.length}`,
    ...report.removed.map((r) => `  removed: ${r}`),
  ];
  if (report.failed.length) {
    out.push('', 'Not indexed / niet ingelezen:');
    for (const f of report.failed) out.push(`  ${f.file}`, `    reason: ${f.reason}`, `    to do:  ${f.action}`);
  }
  process.stdout.write(out.join('\n') + '\n');
  return report.failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`ingest failed: ${isAppError(e) ? `${e.code}: ${e.message}` : (e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
