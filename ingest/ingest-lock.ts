// One ingest at a time per data dir: data/index/ingest.lock holds the owner's pid, host and start time.
// It is created with O_EXCL, so two processes cannot both take a free lock. A lock whose owner is gone
// (kill -9, power loss) is stale and taken over; a live owner makes the second ingest wait or give up.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppError } from '../src/errors/app-error.js';
import { indexRoot } from './index-store.js';

export interface LockOwner {
  pid: number;
  host: string;
  startedAt: string;
}

export interface IngestLock {
  file: string;
  release(): void;
}

export function lockFile(dataDir: string): string {
  return path.join(indexRoot(dataDir), 'ingest.lock');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function readLockOwner(dataDir: string): LockOwner | null {
  try {
    const o = JSON.parse(fs.readFileSync(lockFile(dataDir), 'utf8')) as LockOwner;
    return typeof o.pid === 'number' ? o : null;
  } catch {
    return null;
  }
}

/**
 * Why the lock at `file` may be taken over, or null while its owner may still be working.
 * An owner on another host cannot be checked, so its lock only goes stale after `foreignStaleMs`.
 */
function staleReason(file: string, foreignStaleMs: number): { reason: string; text: string } | null {
  let text: string;
  let ageMs: number;
  try {
    text = fs.readFileSync(file, 'utf8');
    ageMs = Date.now() - fs.statSync(file).mtimeMs;
  } catch {
    return null; // gone: the next create attempt will tell
  }
  let owner: LockOwner | null = null;
  try {
    owner = JSON.parse(text) as LockOwner;
  } catch {
    // A process killed between creating and writing the file leaves it empty or half-written.
    return ageMs > 5_000 ? { reason: 'unreadable lock file', text } : null;
  }
  if (owner.host !== os.hostname()) return ageMs > foreignStaleMs ? { reason: `owner on ${owner.host} silent for ${Math.round(ageMs / 1000)} s`, text } : null;
  if (owner.pid === process.pid) return null;
  return isAlive(owner.pid) ? null : { reason: `process ${owner.pid} is gone`, text };
}

function tryCreate(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  }
  const owner: LockOwner = { pid: process.pid, host: os.hostname(), startedAt: new Date().toISOString() };
  fs.writeSync(fd, JSON.stringify(owner));
  fs.closeSync(fd);
  return true;
}

export interface LockOptions {
  /** How long to wait for a running ingest to finish; 0 (default) reports it at once. */
  waitMs?: number;
  /** A lock from another host (shared disk) counts as stale after this long. */
  foreignStaleMs?: number;
  onStaleLock?: (reason: string) => void;
}

/**
 * Take the ingest lock of `dataDir`, or throw AppError('INGEST_FAILED') naming the running ingest.
 * Release it in a finally block; a crashed owner's lock is detected as stale by the next run.
 */
export async function acquireIngestLock(dataDir: string, options: LockOptions = {}): Promise<IngestLock> {
  const file = lockFile(dataDir);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const deadline = Date.now() + (options.waitMs ?? 0);
  for (;;) {
    if (tryCreate(file)) break;
    const stale = staleReason(file, options.foreignStaleMs ?? 30 * 60_000);
    if (stale) {
      options.onStaleLock?.(stale.reason);
      // Move the stale lock aside under a unique name. When two processes take over at once, the
      // slower one may move the winner's fresh lock instead: it notices (other content) and puts it
      // back with link(), which never overwrites.
      const aside = `${file}.stale.${process.pid}.${Date.now()}`;
      try {
        fs.renameSync(file, aside);
        if (fs.readFileSync(aside, 'utf8') !== stale.text) {
          try {
            fs.linkSync(aside, file);
          } catch {
            // A third process already holds a fresh lock; ours is retried below.
          }
        }
        fs.rmSync(aside, { force: true });
      } catch {
        // Someone else moved it first.
      }
      continue;
    }
    if (Date.now() >= deadline) {
      const owner = readLockOwner(dataDir);
      throw new AppError(
        'INGEST_FAILED',
        `another ingest is running (pid ${owner?.pid ?? '?'} on ${owner?.host ?? '?'}, since ${owner?.startedAt ?? '?'}); wait for it to finish. If no ingest is running, delete ${file}`,
        { lockFile: file, owner, busy: true },
      );
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  let released = false;
  return {
    file,
    release() {
      if (released) return;
      released = true;
      // Only remove the lock if it is still ours (it may have been judged stale and taken over).
      if (readLockOwner(dataDir)?.pid === process.pid) fs.rmSync(file, { force: true });
    },
  };
}
