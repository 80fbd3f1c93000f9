// A parse worker whose ingest process is killed with SIGKILL while the parser hangs in a loop (the
// worker's test hook) must not live on as an orphan burning CPU: its watchdog thread kills it.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const workerEntry = fileURLToPath(new URL('../../../ingest/loaders/parse-worker.mjs', import.meta.url));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-orphan-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** Running (not dead, not a zombie waiting to be reaped). */
function running(pid: number): boolean {
  const stat = spawnSync('ps', ['-o', 'stat=', '-p', String(pid)], { encoding: 'utf8' }).stdout.trim();
  return stat !== '' && !stat.startsWith('Z');
}

describe('parse worker without its ingest process', () => {
  it('stops when the ingest process is killed while the parser hangs', async () => {
    const file = path.join(tmp, 'hangt.pdf');
    fs.writeFileSync(file, '%PDF-1.4\n');
    // Stand-in for the ingest process: forks the real worker, asks it to parse, then idles.
    const parent = spawn(
      process.execPath,
      ['-e', `const c = require('child_process').fork(${JSON.stringify(workerEntry)}); c.send({ file: ${JSON.stringify(file)}, kind: 'pdf' }); console.log(c.pid); setInterval(() => {}, 1000);`],
      { env: { ...process.env, WEGWIJZER_TEST_PARSER_FAULT: 'hang:hangt.pdf' }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const workerPid = await new Promise<number>((resolve) => parent.stdout!.once('data', (d: Buffer) => resolve(Number(d.toString().trim()))));
    try {
      await new Promise((r) => setTimeout(r, 500));
      expect(running(workerPid)).toBe(true); // hanging in its loop
      parent.kill('SIGKILL');
      const deadline = Date.now() + 10_000;
      while (running(workerPid) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
      expect(running(workerPid)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
      try {
        process.kill(workerPid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }, 30_000);
});
