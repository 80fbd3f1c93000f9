// Abbreviations the documents spell out: "Norm voor Opdrachtgeverschap (NvO)", "TAJ staat daarin voor
// ‘Transitie Autoriteit Jeugd’", "(hierna ook: 10vdJ)", "dienstverleningsovereenkomst (DVO)". An entry is
// only kept when the letters of the abbreviation plausibly match its expansion. Curated entries from
// corpus/glossary.json cover what the documents never spell out.
import fs from 'node:fs';
import path from 'node:path';
import type { Chunk, GlossaryEntry } from '../src/core/types.js';
import { splitSentences } from './split-into-chunks.js';

const MINOR_WORDS = new Set(['van', 'voor', 'de', 'het', 'en', 'der', 'den', 'op', 'in', 'met', 'te', 'tot', 'of', 'the', 'of', 'and', 'for', '&', 'bij', 'aan', 'een']);
// An abbreviation: 2–10 characters, at least two capitals, or digits mixed with letters ("10vdJ").
const ABBR = "[A-Z0-9][A-Za-z0-9+&-]{1,9}(?:[’']s)?";

function bare(abbr: string): string {
  return abbr.replace(/[’']s$/, '');
}

function isAbbreviation(s: string): boolean {
  const b = bare(s);
  return b.length >= 2 && b.length <= 10 && ((b.match(/[A-Z]/g) ?? []).length >= 2 || (/\d/.test(b) && /[A-Za-z]/.test(b))) && !/^\d+$/.test(b);
}

/**
 * A short abbreviation with one capital, as laws are abbreviated ("Wet maatschappelijke
 * ondersteuning (Wmo)", "Wgr"): only kept when each letter opens one word of the expansion, in order.
 */
function isWordInitialsAbbreviation(s: string): boolean {
  return /^[A-Z][a-z]{1,4}$/.test(bare(s));
}

function wordInitialsMatch(abbr: string, expansion: string): boolean {
  const words = expansion.split(/[\s/]+/).filter((w) => w && !MINOR_WORDS.has(w.toLowerCase()));
  const initials = words.map((w) => w.normalize('NFKD').toLowerCase().replace(/[^a-z]/g, '')[0] ?? '#').join('');
  return initials === bare(abbr).toLowerCase();
}

/** True when the abbreviation's letters appear in order in the expansion, starting with its first letter, and every significant word contributes. */
export function initialsMatch(abbr: string, expansion: string): boolean {
  const a = bare(abbr).toLowerCase().replace(/[^a-z0-9]/g, '');
  const words = expansion.split(/[\s/]+/).filter(Boolean);
  if (!a || words.length === 0) return false;
  const flat = expansion.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '');
  if (flat[0] !== a[0]) return false;
  let i = 0;
  for (const ch of flat) if (ch === a[i]) i++;
  if (i < a.length) return false;
  // Each significant word must start with one of the abbreviation's letters (so no unrelated words are swept in).
  const significant = words.filter((w) => !MINOR_WORDS.has(w.toLowerCase()));
  if (significant.length > a.length) return false;
  return significant.every((w) => a.includes(w.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]/g, '')[0] ?? '#'));
}

/** The shortest run of words before the parenthesis that matches the abbreviation (by its initials, unless told how). */
function expansionBefore(words: string[], abbr: string, extendCapitalised: boolean, matches: (abbr: string, expansion: string) => boolean = initialsMatch): string | null {
  for (let k = 1; k <= Math.min(8, words.length); k++) {
    const candidate = words.slice(-k);
    if (MINOR_WORDS.has(candidate[0]!.toLowerCase())) continue;
    const text = candidate.join(' ');
    // Table cells and nested parentheses ("Bi-regionaal (ZOB) (ZOB)") are no expansion.
    if (/[()]/.test(text)) return null;
    if (matches(abbr, text)) {
      let start = words.length - k;
      // "Een 10 voor de Jeugd (hierna ook: 10vdJ)": include the capitalised word that opens the name.
      while (extendCapitalised && start > 0 && /^[A-Z]/.test(words[start - 1]!) && !/[.:;]$/.test(words[start - 2] ?? '.')) start--;
      return words.slice(start).join(' ').replace(/^[(‘'"“]+|[,;:]+$/g, '');
    }
  }
  return null;
}

function wordsBefore(text: string, end: number): string[] {
  return text
    .slice(Math.max(0, end - 160), end)
    .split(/\s+/)
    .filter(Boolean)
    .map((w) => w.replace(/^[(‘'"“]+/, ''));
}

export function extractGlossary(chunks: Chunk[]): GlossaryEntry[] {
  const found: GlossaryEntry[] = [];
  const add = (abbr: string, expansion: string, chunk: Chunk, quote: string) => {
    const e = expansion.trim().replace(/[’'"”]+$/, '').replace(/^[‘'"“]+/, '');
    if (!e || e.length > 120) return;
    found.push({ abbr: bare(abbr), expansion: e, origin: 'document', docId: chunk.docId, section: chunk.section, page: chunk.page, quote: quote.trim() });
  };
  for (const chunk of chunks) {
    for (const sentence of splitSentences(chunk.text.replace(/\n+/g, ' '))) {
      // 1. "Expansion (ABBR)" and "Expansion (ABBR’s)".
      for (const m of sentence.matchAll(new RegExp(`\\((${ABBR})\\)`, 'g'))) {
        const abbr = m[1]!;
        const matches = isAbbreviation(abbr) ? initialsMatch : isWordInitialsAbbreviation(abbr) ? wordInitialsMatch : null;
        if (!matches) continue;
        const exp = expansionBefore(wordsBefore(sentence, m.index!), abbr, false, matches);
        if (exp) add(abbr, exp, chunk, sentence);
      }
      // 2. "(hierna: X)", "(hierna ook: X)", "(hierna aangeduid als X)", "(hierna X)".
      for (const m of sentence.matchAll(/\(hierna(?: ook)?(?::| aangeduid als| te noemen:?)?\s+([^)]{2,40})\)/gi)) {
        const abbr = m[1]!.trim().replace(/^[‘'"“]|[’'"”]$/g, '');
        if (!isAbbreviation(abbr)) continue;
        const exp = expansionBefore(wordsBefore(sentence, m.index!), abbr, true);
        if (exp) add(abbr, exp, chunk, sentence);
      }
      // 3. "TAJ staat (daarin|hier) voor ‘Transitie Autoriteit Jeugd’".
      for (const m of sentence.matchAll(new RegExp(`\\b(${ABBR}) staat (?:daarin |hierin |hier |daar )?voor [‘'"“]?([^’'"”.,;:()]{3,80})`, 'g'))) {
        const abbr = m[1]!;
        if (isAbbreviation(abbr) && initialsMatch(abbr, m[2]!.trim())) add(abbr, m[2]!, chunk, sentence);
      }
    }
  }
  // One entry per abbreviation and expansion; the first occurrence (document order) is the source.
  const seen = new Set<string>();
  return found.filter((e) => {
    const key = `${e.abbr.toLowerCase()}|${e.expansion.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface CuratedGlossaryEntry {
  abbr: string;
  expansion: string;
  description?: string;
  source?: string;
}

/** glossary.json files in the corpus dirs (curated entries). Invalid entries are skipped and reported. */
export function readCuratedGlossary(corpusDirs: string[]): { entries: GlossaryEntry[]; problems: string[] } {
  const entries: GlossaryEntry[] = [];
  const problems: string[] = [];
  for (const dir of corpusDirs) {
    const file = path.join(dir, 'glossary.json');
    if (!fs.existsSync(file)) continue;
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch (e) {
      problems.push(`${file}: ongeldige JSON / invalid JSON (${(e as Error).message})`);
      continue;
    }
    const list = Array.isArray(data) ? data : Array.isArray((data as { entries?: unknown })?.entries) ? (data as { entries: unknown[] }).entries : null;
    if (!list) {
      problems.push(`${file}: verwacht een lijst / expected an array of {abbr, expansion}`);
      continue;
    }
    for (const item of list as CuratedGlossaryEntry[]) {
      if (!item || typeof item.abbr !== 'string' || typeof item.expansion !== 'string') continue;
      entries.push({
        abbr: item.abbr,
        expansion: item.expansion,
        origin: 'curated',
        ...(item.description ? { description: item.description } : {}),
        ...(item.source ? { quote: undefined, docId: item.source } : {}),
      });
    }
  }
  return { entries: entries.map((e) => Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined)) as unknown as GlossaryEntry), problems };
}
