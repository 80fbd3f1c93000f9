import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readPlanningFile } from '../../../src/milestones/planning-file.js';
import { AppError } from '../../../src/errors/app-error.js';

const write = (content: string) => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-plan-')), 'milestones.json');
  fs.writeFileSync(file, content);
  return file;
};

describe('planning file', () => {
  it('the committed corpus/milestones.json is valid and cites the seed documents', () => {
    const plan = readPlanningFile(path.resolve(import.meta.dirname, '../../../corpus/milestones.json'));
    expect(plan.milestones.length).toBeGreaterThanOrEqual(5);
    const seeds = fs.readdirSync(path.resolve(import.meta.dirname, '../../../corpus')).map((f) => f.replace(/\.txt$/, ''));
    for (const m of plan.milestones) {
      expect(seeds).toContain(m.source?.doc);
      const text = fs.readFileSync(path.resolve(import.meta.dirname, `../../../corpus/${m.source!.doc}.txt`), 'utf8').replace(/\s+/g, ' ');
      expect(text, m.id).toContain(m.source!.quote.replace(/\s+/g, ' '));
    }
  });

  it('rejects bad entries with a coded error naming the problem', () => {
    const bad = (json: unknown) => {
      try {
        readPlanningFile(write(JSON.stringify(json)));
      } catch (e) {
        expect(e).toBeInstanceOf(AppError);
        return (e as AppError).message;
      }
      throw new Error('accepted');
    };
    expect(bad({ milestones: [{ id: 'a', title: 'Iets', due: '1 juli 2027' }] })).toContain('due');
    expect(bad({ milestones: [{ id: 'a', title: 'Iets', due: '2027-07-01', channels: ['C123'] }] })).toContain('channels');
    expect(bad({ milestones: [{ id: 'a', title: 'Iets', due: '2027-07-01' }, { id: 'a', title: 'Twee', due: '2027-07-02' }] })).toContain('duplicate id a');
    expect(() => readPlanningFile(write('{ nope'))).toThrow(/cannot be read as JSON/);
  });
});
