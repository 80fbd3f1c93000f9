// The project's one SQLite database (better-sqlite3, WAL). Each module owns its tables and creates
// them through `migrate` with its own name, so modules never edit each other's schema.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AppError } from '../errors/app-error.js';

export type Db = Database.Database;

export function openDatabase(file: string): Db {
  try {
    if (file !== ':memory:') fs.mkdirSync(path.dirname(file), { recursive: true });
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    db.pragma('busy_timeout = 5000');
    db.pragma('foreign_keys = ON');
    db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (module TEXT NOT NULL, version INTEGER NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (module, version))');
    return db;
  } catch (cause) {
    throw new AppError('DATABASE', `cannot open database ${file}`, { file }, { cause });
  }
}

/** Apply a module's numbered migrations once each, in order, in one transaction per step. */
export function migrate(db: Db, module: string, steps: string[]): void {
  const applied = new Set(
    (db.prepare('SELECT version FROM schema_migrations WHERE module = ?').all(module) as { version: number }[]).map((r) => r.version),
  );
  steps.forEach((sql, i) => {
    const version = i + 1;
    if (applied.has(version)) return;
    db.transaction(() => {
      db.exec(sql);
      db.prepare('INSERT INTO schema_migrations (module, version, applied_at) VALUES (?, ?, ?)').run(module, version, new Date().toISOString());
    })();
  });
}

export function databasePath(dataDir: string): string {
  return path.join(dataDir, 'wegwijzer.db');
}

/** Run a store operation; SQLite failures (disk full, closed, locked) become coded errors the channels can explain. */
export function guardDatabase<T>(store: string, what: string, run: () => T): T {
  try {
    return run();
  } catch (cause) {
    throw new AppError('DATABASE', `${store}: ${what} failed`, { store, what }, { cause });
  }
}
