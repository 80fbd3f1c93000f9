// Builders of bad ingest inputs, made in memory by the tests themselves (no binary fixtures in git):
// hand-written PDFs (scanned without a text layer, password-protected), .docx zip bombs, a binary
// file posing as text, Windows-1252 text and HTML with scripts. Kept small: no test allocates more
// than a few MB.
import zlib from 'node:zlib';
import iconv from 'iconv-lite';

/** A PDF from numbered object bodies (object n = bodies[n-1]) with a correct xref table. */
export function buildPdf(bodies: (string | Buffer)[], trailerExtra = ''): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let offset = parts[0]!.length;
  const offsets: number[] = [];
  bodies.forEach((body, i) => {
    offsets.push(offset);
    const obj = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(obj);
    offset += obj.length;
  });
  const xref = [`xref\n0 ${bodies.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${bodies.length + 1} /Root 1 0 R ${trailerExtra}>>\nstartxref\n${offset}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

function stream(dict: string, data: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${data.length} >>\nstream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
}

/** A valid PDF with one text page saying `text` (Helvetica, WinAnsi). */
export function textPdf(text: string): Buffer {
  const content = Buffer.from(`BT /F1 12 Tf 72 720 Td (${text.replace(/[()\\]/g, (c) => `\\${c}`)}) Tj ET`, 'latin1');
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
    stream('', content),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

/** What a scanner produces: pages that are only an image, no text operators at all. */
export function scannedPdf(pages = 2): Buffer {
  const pageRefs = Array.from({ length: pages }, (_, i) => `${3 + i} 0 R`).join(' ');
  const contentObj = 3 + pages;
  const imageObj = contentObj + 1;
  const bodies: (string | Buffer)[] = ['<< /Type /Catalog /Pages 2 0 R >>', `<< /Type /Pages /Kids [${pageRefs}] /Count ${pages} >>`];
  for (let i = 0; i < pages; i++) {
    bodies.push(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /XObject << /Im1 ${imageObj} 0 R >> >> /Contents ${contentObj} 0 R >>`);
  }
  bodies.push(stream('', Buffer.from('q 500 0 0 700 56 46 cm /Im1 Do Q', 'latin1')));
  // A 16×16 grey "photo" of a page.
  const pixels = Buffer.alloc(256);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 37) % 256;
  bodies.push(stream('/Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray /BitsPerComponent 8', pixels));
  return buildPdf(bodies);
}

/**
 * A PDF protected with a user password (standard security handler, RC4 revision 2). The /U entry does
 * not match the empty password, so a reader must ask for a password; the page text is irrelevant.
 */
export function encryptedPdf(): Buffer {
  const hex = (seed: number) => Array.from({ length: 32 }, (_, i) => ((i * 53 + seed) % 256).toString(16).padStart(2, '0')).join('');
  const content = Buffer.from('BT /F1 12 Tf 72 720 Td (Vertrouwelijk: alleen met wachtwoord) Tj ET', 'latin1');
  return buildPdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>',
      stream('', content),
      '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
      `<< /Filter /Standard /V 1 /R 2 /O <${hex(7)}> /U <${hex(11)}> /P -44 >>`,
    ],
    `/Encrypt 6 0 R /ID [<${hex(3).slice(0, 32)}> <${hex(3).slice(0, 32)}>] `,
  );
}

/** The first `fraction` of a real PDF, as left by an interrupted download or copy. */
export function truncated(bytes: Buffer, fraction = 0.4): Buffer {
  return bytes.subarray(0, Math.floor(bytes.length * fraction));
}

interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Override the uncompressed size written in the headers (a lying zip). */
  declaredSize?: number;
}

/** A zip archive (deflate) written by hand, so tests control the declared sizes. */
export function buildZip(entries: ZipEntrySpec[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const compressed = zlib.deflateRawSync(e.data, { level: 9 });
    const crc = zlib.crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, compressed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(compressed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += 30 + name.length + compressed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const contentTypes =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>';
const rels =
  '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>';

/** A small, valid .docx with one paragraph per line of `paragraphs`. */
export function docx(paragraphs: string[]): Buffer {
  const body = paragraphs.map((t) => `<w:p><w:r><w:t xml:space="preserve">${t}</w:t></w:r></w:p>`).join('');
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/document.xml', data: Buffer.from(document) },
  ]);
}

/**
 * A .docx zip bomb.
 * - 'ratio': a real 8 MB part of zeros that deflates to ~8 KB (ratio ~1000:1);
 * - 'declared': a tiny part whose headers claim 4 GB once unpacked.
 */
export function zipBombDocx(kind: 'ratio' | 'declared'): Buffer {
  const bomb: ZipEntrySpec = kind === 'ratio' ? { name: 'word/media/padding.bin', data: Buffer.alloc(8 * 1024 * 1024) } : { name: 'word/media/padding.bin', data: Buffer.alloc(1024), declaredSize: 0xfffffff0 };
  const document = '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Onschuldig ogende tekst.</w:t></w:r></w:p></w:body></w:document>';
  return buildZip([
    { name: '[Content_Types].xml', data: Buffer.from(contentTypes) },
    { name: '_rels/.rels', data: Buffer.from(rels) },
    { name: 'word/document.xml', data: Buffer.from(document) },
    bomb,
  ]);
}

/** A PNG header and noise: what a renamed image looks like to a text loader. */
export function binaryAsText(): Buffer {
  const noise = Buffer.alloc(2048);
  for (let i = 0; i < noise.length; i++) noise[i] = (i * 131 + 7) % 256;
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), noise]);
}

/** Text saved as Windows-1252 (é, ë, ’ and „ are single bytes that are invalid UTF-8). */
export function windows1252Text(text: string): Buffer {
  return iconv.encode(text, 'win1252');
}

/** An HTML page whose scripts, styles and inline handlers hold text that must never be indexed. */
export function htmlWithScripts(visible: string, hidden: string): string {
  return [
    '<!doctype html><html><head><title>Regionieuws</title>',
    `<script>window.secret = "${hidden} in head";</script>`,
    `<style>.x::after { content: "${hidden} in style"; }</style></head>`,
    '<body><h1>Nieuws uit de regio</h1>',
    `<p onclick="alert('${hidden} in handler')">${visible}</p>`,
    `<SCRIPT type="text/javascript">document.write("${hidden} upper-case script")</SCRIPT>`,
    `<script src="x.js"></script><noscript>${hidden} in noscript</noscript>`,
    `<script>var s = "</scr" + "ipt>"; var t = "${hidden} after fake close";</script>`,
    '<p>Einde van het bericht.</p></body></html>',
  ].join('\n');
}
