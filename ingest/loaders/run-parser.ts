// Runs the PDF/.docx parser (parse-worker.mjs) in a child process with a time and memory bound, so a
// hanging, huge or malicious file cannot stall or crash ingest; the rest of the corpus is still indexed.
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { IngestError } from '../ingest-error.js';

const workerEntry = fileURLToPath(new URL('./parse-worker.mjs', import.meta.url));

export interface ParseRequest {
  file: string;
  kind: 'pdf' | 'docx';
}
export interface ParsedRaw {
  pages: string[];
  title?: string;
  html?: string;
}
type ParseResponse = ({ ok: true } & ParsedRaw) | { ok: false; kind: 'corrupt' | 'encrypted'; message: string };

export interface ParserLimits {
  timeoutMs: number;
  /** V8 old-space limit of the child in MB. */
  maxMemoryMb?: number;
}

export function parseInChildProcess(req: ParseRequest, limits: ParserLimits): Promise<ParsedRaw> {
  return new Promise<ParsedRaw>((resolve, reject) => {
    // Explicit execArgv: the child must not inherit tsx's loader (see parse-worker.mjs).
    const child = fork(workerEntry, [], {
      execArgv: [`--max-old-space-size=${limits.maxMemoryMb ?? 768}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    });
    let settled = false;
    let stderr = '';
    child.stderr?.on('data', (d: Buffer) => {
      if (stderr.length < 4000) stderr += d.toString();
    });
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
    };
    const seconds = Math.round(limits.timeoutMs / 100) / 10;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      finish(() =>
        reject(new IngestError('timeout', `inlezen duurde langer dan ${seconds} s en is afgebroken / parsing took longer than ${seconds} s`, 'Splits het document of verhoog PARSE_TIMEOUT_MS / split the document or raise PARSE_TIMEOUT_MS')),
      );
    }, limits.timeoutMs);
    child.on('message', (res: ParseResponse) => {
      finish(() => {
        if (res.ok) resolve({ pages: res.pages, ...(res.title ? { title: res.title } : {}), ...(res.html !== undefined ? { html: res.html } : {}) });
        else if (res.kind === 'encrypted') reject(new IngestError('encrypted', `${req.kind === 'pdf' ? 'de PDF' : 'het Word-bestand'} is beveiligd met een wachtwoord / password protected`, 'Sla een kopie zonder wachtwoord op en zet die in de corpusmap / save a copy without a password in the corpus folder'));
        else reject(new IngestError('corrupt', `${req.kind === 'pdf' ? 'PDF' : 'Word-bestand'} onleesbaar / unreadable: ${res.message}`, req.kind === 'pdf' ? 'Open de PDF in een PDF-lezer en sla hem opnieuw op, of exporteer hem opnieuw / re-save or re-export the PDF' : 'Open het bestand in Word en sla het opnieuw op als .docx / open it in Word and save it again as .docx'));
      });
    });
    child.on('error', (e) => finish(() => reject(new IngestError('unreadable', `parser kon niet starten: ${e.message}`, 'Controleer de installatie (npm install) / check the installation'))));
    child.on('exit', (code, signal) => {
      finish(() =>
        reject(
          new IngestError(
            'unreadable',
            `parser stopte onverwacht (${signal ?? `code ${code}`})${/heap|memory/i.test(stderr) ? ': geheugenlimiet bereikt / out of memory' : ''}`,
            'Het bestand is mogelijk te groot of beschadigd; sla het opnieuw op of splits het / the file may be too large or damaged; re-save or split it',
          ),
        ),
      );
    });
    child.send(req);
  });
}
