// The ingest report as people read it (npm run ingest, logs): counts, then exactly one line per problem
// file saying which file, why, and what to do; files whose previous version stays searchable say so.
import path from 'node:path';
import type { IngestReport } from './types.js';

export function failureLine(f: IngestReport['failed'][number]): string {
  const line = `${f.file}: ${f.reason} — to do: ${f.action}`;
  return f.keptPrevious ? `kept previous version of ${line}` : line;
}

export function formatIngestReport(report: IngestReport, cwd = process.cwd()): string {
  const out = [
    `Index: ${path.relative(cwd, report.indexDir) || report.indexDir}`,
    `Documents: ${report.documents}   chunks: ${report.chunks}   time: ${(report.ms / 1000).toFixed(1)} s`,
    `Indexed: ${report.indexed.length}   unchanged: ${report.unchanged.length}   removed: ${report.removed.length}   failed: ${report.failed.length}`,
    ...report.removed.map((r) => `  removed: ${r}`),
  ];
  if (report.damagedIndex) out.push(`  repaired: the index in use was damaged (${report.damagedIndex}) and was rebuilt from the corpus`);
  const kept = report.failed.filter((f) => f.keptPrevious);
  const lost = report.failed.filter((f) => !f.keptPrevious);
  if (kept.length) out.push('', 'Previous version kept / vorige versie blijft doorzoekbaar:', ...kept.map((f) => `  ${failureLine(f)}`));
  if (lost.length) out.push('', 'Not indexed / niet ingelezen:', ...lost.map((f) => `  ${failureLine(f)}`));
  return out.join('\n') + '\n';
}
