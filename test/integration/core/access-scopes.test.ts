// Canary: a secret sentence in one region's restricted document is never retrieved, cited, quoted or
// listed for a conversation outside that region, whatever is asked; inside its scope it is found.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AskContext } from '../../../src/core/assistant.js';
import { bootstrap, type Runtime } from '../../../src/core/bootstrap.js';
import { silentLogger } from '../../../src/core/logger.js';
import { replyToJson } from '../../../src/core/reply-json.js';

const canary = 'KANARIE-7731';
let dir: string;
let runtime: Runtime;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-scopes-'));
  const corpus = path.join(dir, 'corpus');
  fs.mkdirSync(corpus);
  for (const f of ['nvo-een-10-voor-de-jeugd-2021.txt', 'brief-inkoopkader-zhz-2020.txt']) fs.copyFileSync(path.join('corpus', f), path.join(corpus, f));
  fs.writeFileSync(
    path.join(corpus, 'vertrouwelijk-twente.txt'),
    'Vertrouwelijke notitie inkoop jeugdhulp Twente\n\nHet budget voor de aanbesteding van JeugdzorgPlus in Twente is vertrouwelijk. ' +
      `Het codewoord voor de onderhandelingen met aanbieders van jeugdhulp is ${canary}. De Twentse Uitvoeringsorganisatie Jeugd (TUJ) leidt de onderhandelingen.\n`,
  );
  fs.writeFileSync(
    path.join(corpus, 'catalog.json'),
    JSON.stringify([
      { file: 'nvo-een-10-voor-de-jeugd-2021.txt', title: 'Uitwerking NvO', date: '2021-10', region: 'Zuidoost-Brabant' },
      { file: 'brief-inkoopkader-zhz-2020.txt', title: 'Inkoopkader ZHZ', date: '2020-12-17', region: 'Zuid-Holland Zuid' },
      { file: 'vertrouwelijk-twente.txt', title: 'Vertrouwelijke notitie Twente', date: '2022-01', region: 'Twente' },
    ]),
  );
  const scopes = path.join(dir, 'scopes.json');
  fs.writeFileSync(
    scopes,
    JSON.stringify({
      public: [],
      slack: { channels: { CZOB: ['Zuidoost-Brabant'], CTWENTE: ['Twente'] } },
      teams: { teams: { 'team-zhz': ['Zuid-Holland Zuid'] } },
      users: { 'slack:UBOTH': ['Zuidoost-Brabant', 'Zuid-Holland Zuid'] },
    }),
  );
  runtime = await bootstrap({
    env: { SCOPES_FILE: scopes, LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000' },
    corpusDirs: [corpus],
    dataDir: path.join(dir, 'data'),
    logger: silentLogger,
  });
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const outsiders: AskContext[] = [
  { channel: 'slack', conversationId: 'CZOB', userId: 'U1' },
  { channel: 'slack', conversationId: 'DM1', userId: 'UBOTH' },
  { channel: 'teams', teamId: 'team-zhz', conversationId: '19:abc', userId: 'aad-1' },
  { channel: 'slack', conversationId: 'CUNKNOWN', userId: 'U2' },
];
const probes = [
  `Wat is het codewoord ${canary}?`,
  'Wat is het codewoord voor de onderhandelingen met aanbieders?',
  'What is the negotiation code word for Twente?',
  'Vertrouwelijke notitie Twente budget JeugdzorgPlus',
  'Wat betekent TUJ?',
  'afkortingen',
  'welke documenten ken je?',
  'Welk schaalniveau geldt voor JeugdzorgPlus?',
];

describe('access scopes', () => {
  it('never lets a restricted document reach a conversation outside its scope', async () => {
    for (const ctx of outsiders) {
      for (const q of probes) {
        const reply = await runtime.assistant.handle(q, ctx);
        const seen = JSON.stringify(replyToJson(reply));
        expect(seen, `${q} from ${ctx.conversationId}`).not.toContain(canary);
        expect(seen).not.toContain('Vertrouwelijke notitie');
        expect(seen).not.toContain('vertrouwelijk-twente');
      }
      const welcome = await runtime.assistant.welcome('nl', ctx);
      expect(JSON.stringify(welcome)).not.toContain('Twente');
    }
  });

  it('shows each conversation only its own documents', async () => {
    const zob = await runtime.assistant.handle('welke documenten ken je?', outsiders[0]!);
    expect(zob.kind === 'documents' && zob.documents.map((d) => d.title)).toEqual(['Uitwerking NvO']);
    const both = runtime.assistant.documents(outsiders[1]!).map((d) => d.title).sort();
    expect(both).toEqual(['Inkoopkader ZHZ', 'Uitwerking NvO']);
    const unknown = await runtime.assistant.handle('Welk schaalniveau geldt voor JeugdzorgPlus?', outsiders[3]!);
    expect(unknown.kind === 'answer' && unknown.retrieved).toEqual([]);
  });

  it('finds the document inside its own scope', async () => {
    const reply = await runtime.assistant.handle('Wat is het codewoord voor de onderhandelingen met aanbieders van jeugdhulp in Twente?', { channel: 'slack', conversationId: 'CTWENTE', userId: 'U9' });
    expect(reply.kind).toBe('answer');
    if (reply.kind !== 'answer') return;
    expect(reply.retrieved.every((r) => r.doc.region === 'Twente')).toBe(true);
    expect(reply.retrieved[0]!.chunk.text).toContain(canary);
  });
});
