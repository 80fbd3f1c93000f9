// Entry of the parse child process: the one place that imports pdf-parse and mammoth.
// Plain JavaScript on purpose: under tsx's loader importing pdf.js takes ~15 s instead of ~0.5 s,
// and this file needs no types at run time. It answers one request and exits.
//
// Request:  { file: string, kind: 'pdf' | 'docx' }
// Response: { ok: true, pages: string[], title?: string, html?: string }
//         | { ok: false, kind: 'corrupt' | 'encrypted', message: string }
import fs from 'node:fs';
import path from 'node:path';

import { Worker } from 'node:worker_threads';

// When the ingest process dies (kill -9), the IPC channel closes: stop instead of parsing for nobody.
process.on('disconnect', () => process.exit(1));
// A parser stuck in a loop never sees that event, so a watchdog thread (its own event loop) kills this
// process once the parent is gone (we get re-parented); with a live parent, the parent's timeout does it.
const watchdog = new Worker(
  `const { workerData } = require('node:worker_threads');
   setInterval(() => { if (process.ppid !== workerData.parentPid) process.kill(workerData.pid, 'SIGKILL'); }, 250);`,
  { eval: true, workerData: { parentPid: process.ppid, pid: process.pid } },
);
watchdog.unref();

// Test hook, so tests can prove the time and memory bounds with a real stalled or exploding parser:
// WEGWIJZER_TEST_PARSER_FAULT="hang:<file name>,oom:<file name>". Unset in normal use.
function injectedFault(file) {
  const spec = process.env.WEGWIJZER_TEST_PARSER_FAULT;
  if (!spec) return;
  for (const item of spec.split(',')) {
    const [mode, name] = item.split(':');
    if (name !== path.basename(file)) continue;
    if (mode === 'hang') for (;;); // a parser stuck in a loop: no events, no timers, only SIGKILL helps
    if (mode === 'oom') {
      const hog = [];
      for (;;) hog.push(new Array(1 << 20).fill(hog.length));
    }
  }
}

async function parsePdf(bytes) {
  const { PDFParse } = await import('pdf-parse');
  // isEvalSupported: false keeps pdf.js from compiling code found in the file.
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false });
  try {
    let title;
    let infoError;
    try {
      const info = await parser.getInfo();
      const t = info?.info?.Title;
      if (typeof t === 'string' && t.trim()) title = t.trim();
    } catch (e) {
      // Missing document info is no reason to refuse the text, but a password is.
      if (e?.name === 'PasswordException') throw e;
      infoError = e;
    }
    let result;
    try {
      result = await parser.getText();
    } catch (e) {
      // After a failed load pdf.js only says "Unable to deserialize cloned data"; the first error says why.
      throw infoError ?? e;
    }
    return { ok: true, pages: result.pages.map((p) => p.text), ...(title ? { title } : {}) };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}

async function parseDocx(bytes) {
  const mammoth = (await import('mammoth')).default;
  const result = await mammoth.convertToHtml({ buffer: bytes }, { ignoreEmptyParagraphs: true });
  return { ok: true, pages: [], html: result.value };
}

async function handle(req) {
  try {
    injectedFault(req.file);
    const bytes = fs.readFileSync(req.file);
    return req.kind === 'pdf' ? await parsePdf(bytes) : await parseDocx(bytes);
  } catch (e) {
    // pdf.js signals a user password with a PasswordException (NEED_PASSWORD / INCORRECT_PASSWORD).
    const encrypted = e?.name === 'PasswordException' || /password/i.test(String(e?.message ?? ''));
    return { ok: false, kind: encrypted ? 'encrypted' : 'corrupt', message: String(e?.message ?? e) };
  }
}

process.on('message', (req) => {
  void handle(req).then((res) => process.send?.(res, () => process.exit(0)));
});
