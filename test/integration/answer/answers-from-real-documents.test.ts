// How answers are composed from real public documents (a news article, a research summary), over
// the seed and external corpora together so that the word statistics are those of a real index: the count
// that stands further on in a section, the name that follows in the next sentence, the sentence
// that "In die periode" points back to.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrap, type Runtime } from '../../../src/core/bootstrap.js';
import { silentLogger } from '../../../src/core/logger.js';

let dir: string;
let runtime: Runtime;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-real-docs-'));
  runtime = await bootstrap({
    env: { LOG_LEVEL: 'silent' },
    corpusDirs: [path.resolve('corpus'), path.resolve('test/fixtures/external-corpus')],
    dataDir: path.join(dir, 'data'),
    logger: silentLogger,
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const ask = async (question: string) => {
  const r = await runtime.assistant.handle(question, { channel: 'eval' });
  if (r.kind !== 'answer') throw new Error(`expected an answer, got ${r.kind}`);
  return r.answer;
};

describe('answers composed from real documents', () => {
  it('answers a count from a later sentence of the section that names the things by another word', async () => {
    const a = await ask('How many inhabitants do Maassluis, Vlaardingen and Schiedam have together?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('180.000 inwoners');
    expect(a.citations[0]!.doc).toBe('wos_jeugdhulp_rijnmond_waterweggemeenten');
  });

  it('answers who leads a body when the question\'s other name follows in the next sentence', async () => {
    const a = await ask('Wie leidt de Deskundigencommissie die de Hervormingsagenda beoordeelt?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('Tamara van Ark');
  });

  it('quotes the sentence that "In die periode" points back to', async () => {
    const a = await ask('In welke periode deed de Jeugdautoriteit haar onderzoek naar regiovisies?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('maart en april');
  });

});

describe('answers checked against what the question asks', () => {
  it('does not give the end of an earlier regulation for the one of the year asked', async () => {
    const a = await ask('When does the Noordoost Brabant centrumregeling of 2024 end?');
    expect(a.abstained).toBe(true);
    expect(a.abstainReason).toBe('ends-before-year');
  });

  it('does not answer what an abbreviation stands for with a sentence that only uses it', async () => {
    const a = await ask('What does EHdK stand for?');
    expect(a.abstained).toBe(true);
    expect(a.abstainReason).toBe('no-expansion');
  });

  it('answers it with the words that spell it out, without brackets', async () => {
    const a = await ask('Waar staat HSB voor in de nieuwsbrief over de inkoopsamenwerking?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('Hoog Specialistische Behandeling');
  });

  it('counts the lower-case head of a compound that opens with capitals (RTA-zorgaanbieders)', async () => {
    const a = await ask('Hoeveel RTA-zorgaanbieders heeft de regio Zuid-Holland Zuid?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('145 zorgaanbieders');
  });

  it('finds the ontwerpbegroting when asked about the conceptbegroting', async () => {
    const a = await ask('Hoeveel weken voordat het algemeen bestuur hem krijgt gaat de conceptbegroting van een gemeenschappelijke regeling naar de raden?');
    expect(a.abstained).toBe(false);
    expect(a.text).toContain('acht weken');
  });
});
