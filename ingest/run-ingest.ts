// `npm run ingest [-- --corpus DIR ...] [--force] [--wait]`: index the corpus, show progress on stderr,
// then a report with counts and one line per failed file (file, reason, what to do). The build gets the
// same vector files the server would build at start (one composition: bootstrap's afterBuild).
// Exit codes: 0 all indexed, 1 some file failed, 2 ingest failed, 3 another ingest is running.
import path from 'node:path';
import { loadConfig } from '../src/config/config.js';
import { createLogger, type Logger } from '../src/core/logger.js';
import { isAppError } from '../src/errors/app-error.js';
import { formatIngestReport } from './format-report.js';
import { ingestCorpus } from './ingest-corpus.js';
import { createProgressPrinter } from './progress-printer.js';

function parseArgs(argv: string[]): { corpusDirs: string[]; force: boolean; help: boolean; wait: boolean } {
  const corpusDirs: string[] = [];
  let force = false;
  let help = false;
  let wait = false;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--force' || a === '-f') force = true;
    else if (a === '--wait') wait = true;
    else if (a === '--help' || a === '-h') help = true;
    else if (a === '--corpus' && argv[i + 1]) corpusDirs.push(argv[++i]!);
    else if (a.startsWith('--corpus=')) corpusDirs.push(a.slice('--corpus='.length));
    else throw new Error(`unknown argument: ${a}`);
  }
  return { corpusDirs, force, help, wait };
}

/** Per-file warnings already appear as progress lines and in the report; other warnings still show. */
function quietAboutFiles(logger: Logger): Logger {
  return {
    debug: (m, d) => logger.debug(m, d),
    info: (m, d) => logger.info(m, d),
    warn: (m, d) => (m.startsWith('ingest: file failed') ? undefined : logger.warn(m, d)),
    error: (m, d) => logger.error(m, d),
    child: (b) => quietAboutFiles(logger.child(b)),
  };
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write('npm run ingest [-- --corpus DIR ...] [--force] [--wait]\n  Indexes the corpus folders (default: CORPUS_DIRS or ./corpus) into DATA_DIR/index.\n  --force  re-parse every file\n  --wait   wait for a running ingest instead of stopping\n');
    return 0;
  }
  const config = loadConfig();
  const corpusDirs = args.corpusDirs.length ? args.corpusDirs.map((d) => path.resolve(d)) : config.corpusDirs;
  const onProgress = createProgressPrinter();

  const report = await ingestCorpus({
    corpusDirs,
    dataDir: config.dataDir,
    maxFileBytes: Math.round(config.MAX_FILE_MB * 1024 * 1024),
    parseTimeoutMs: config.PARSE_TIMEOUT_MS,
    force: args.force,
    lockWaitMs: args.wait ? 30 * 60_000 : 0,
    // Imported late: retrieval pulls in LangChain, which only the last step needs.
    afterBuild: async (corpus, indexDir) => {
      const { buildSearchArtifacts, createEmbedder } = await import('../src/retrieval/index.js');
      await buildSearchArtifacts(corpus, indexDir, createEmbedder(config));
    },
    onProgress,
    logger: quietAboutFiles(createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL)),
  });
  process.stdout.write('\n' + formatIngestReport(report));
  return report.failed.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (isAppError(e) && e.details?.busy) {
      process.stderr.write(`ingest not started: ${e.message} (or use --wait)\n`);
      process.exit(3);
    }
    process.stderr.write(`ingest failed: ${isAppError(e) ? `${e.code}: ${e.message}` : (e as Error).stack ?? String(e)}\n`);
    process.exit(2);
  },
);
