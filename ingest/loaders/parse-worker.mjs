// Entry of the parse child process: the one place that imports pdf-parse and mammoth.
// Plain JavaScript on purpose: under tsx's loader importing pdf.js takes ~15 s instead of ~0.5 s,
// and this file needs no types at run time. It answers one request and exits.
//
// Request:  { file: string, kind: 'pdf' | 'docx' }
// Response: { ok: true, pages: string[], title?: string, html?: string }
//         | { ok: false, kind: 'corrupt' | 'needs-ocr' | 'unreadable', message: string }
import fs from 'node:fs';

async function parsePdf(bytes) {
  const { PDFParse } = await import('pdf-parse');
  // isEvalSupported: false keeps pdf.js from compiling code found in the file.
  const parser = new PDFParse({ data: new Uint8Array(bytes), isEvalSupported: false });
  try {
    let title;
    try {
      const info = await parser.getInfo();
      const t = info?.info?.Title;
      if (typeof t === 'string' && t.trim()) title = t.trim();
    } catch {
      // Missing document info is no reason to refuse the text.
    }
    const result = await parser.getText();
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
    const bytes = fs.readFileSync(req.file);
    return req.kind === 'pdf' ? await parsePdf(bytes) : await parseDocx(bytes);
  } catch (e) {
    return { ok: false, kind: 'corrupt', message: String(e?.message ?? e) };
  }
}

process.on('message', (req) => {
  void handle(req).then((res) => process.send?.(res, () => process.exit(0)));
});
