// A 'which municipality' question whose best passage names none: over the seed documents, the
// municipality is quoted from another passage about the same name ('Spoed voor Jeugd … getrokken
// door de gemeente Eindhoven'), never from one about a region with a similar name.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, type Runtime } from '../../../src/core/bootstrap.js';
import { silentLogger } from '../../../src/core/logger.js';

let dir: string;
let runtime: Runtime;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-municipality-'));
  runtime = await bootstrap({ env: { LOG_LEVEL: 'silent' }, corpusDirs: [path.resolve('corpus')], dataDir: path.join(dir, 'data'), logger: silentLogger });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ask = async (question: string) => {
  const r = await runtime.assistant.handle(question, { channel: 'eval' });
  if (r.kind !== 'answer') throw new Error(`expected an answer, got ${r.kind}`);
  return r.answer;
};

describe('which municipality, from another passage', () => {
  it('quotes the municipality that leads the named cooperation from a passage of another section', async () => {
    const a = await ask('Which municipality leads the cooperation in Spoed voor Jeugd, the regional crisis service?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('Eindhoven');
  });

  it('does not answer for Noord-Oost Brabant with the municipality of Zuidoost Brabant', async () => {
    const a = await ask('Welke gemeente is centrumgemeente in de jeugdhulpregio Noord-Oost Brabant?');
    expect(a.abstained).toBe(true);
  });
});
