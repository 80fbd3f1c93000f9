// Live test against a real chat model (Ollama, OpenAI or Azure OpenAI), configured exactly as in
// production through the environment (CHAT_PROVIDER, CHAT_MODEL, keys). Never part of `npm test`:
// run with `CHAT_PROVIDER=ollama CHAT_MODEL=llama3.1 npm run test:live`.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootstrap } from '../../src/core/bootstrap.js';
import { silentLogger } from '../../src/core/logger.js';

const configured = Boolean(process.env.CHAT_PROVIDER && process.env.CHAT_PROVIDER !== 'none');

describe.skipIf(!configured)('a configured hosted chat model', () => {
  it('answers a seed question with a grounded, cited answer in the language asked', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijzer-live-'));
    try {
      const rt = await bootstrap({ dataDir, answerer: 'llm', logger: silentLogger });
      const r = await rt.assistant.handle('When was the NvO adopted in VNG context?', { channel: 'eval' });
      expect(r.kind).toBe('answer');
      if (r.kind !== 'answer') return;
      expect(r.answer.abstained).toBe(false);
      expect(r.answer.citations.length).toBeGreaterThan(0);
      expect(r.answer.text).toMatch(/10 (juni|June) 2020|June 10, 2020/);
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
