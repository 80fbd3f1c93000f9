// Dutch-aware text analysis shared by the lexical index, the local embedder, query expansion and the
// extractive answerer: folding (case, diacritics, Jeugdzorg+), tokenization that keeps numbers,
// stopwords, stemming, and decompounding of long words against the corpus vocabulary so that
// 'inkoop' meets 'inkoopstrategie' and 'jeugdhulpaanbieders' meets 'aanbieders van jeugdhulp'.
import { stemDutch } from './dutch-stemmer.js';
import { isStopword } from './stopwords.js';

/** Lowercase, strip diacritics (NFKD), unify quotes/dashes, and spell out Jeugdzorg+ / JZ+. */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00ad]/g, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u00b4`]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\bjeugdzorg\s*\+/g, 'jeugdzorgplus')
    .replace(/\bjeugdzorg plus\b/g, 'jeugdzorgplus')
    .replace(/\bjz\s*\+/g, 'jeugdzorgplus');
}

/** Folded words of a text, in order: letters and digits; hyphenated words kept as one word. */
export function foldedWords(text: string): string[] {
  return foldText(text).match(/[a-z0-9]+(?:-[a-z0-9]+)*/g) ?? [];
}

const MIN_PART = 4;
// Verb particles and adverbs that start many non-compound words (overzicht, hierdoor, voorgenomen):
// splitting them off adds noise, not recall.
const BLOCKED_HEADS = new Set(['hier', 'daar', 'waar', 'voor', 'over', 'onder', 'door', 'weer', 'alle', 'uiteen', 'tegemoet', 'achter', 'vast', 'waard']);
const MIN_COMPOUND = 8;

/** Light fixes on top of Snowball for forms it leaves apart (strategieen / strategie). */
export function stem(word: string): string {
  const w = word.endsWith('ieen') ? word.slice(0, -2) : word;
  return stemDutch(w);
}

export interface WordTerms {
  /** The folded surface word. */
  word: string;
  /** Stem of the whole word. */
  whole: string;
  /** Stems of the compound parts (all levels), without the whole. */
  parts: string[];
}

/**
 * Analyzer bound to a vocabulary of known words (from the corpus and the domain-term list), which
 * decides where compounds may be split. Without a vocabulary it does no decompounding.
 */
export class DutchAnalyzer {
  private readonly vocabulary: Set<string>;
  private readonly splitCache = new Map<string, string[] | null>();
  private readonly termCache = new Map<string, WordTerms[]>();

  constructor(vocabulary: Iterable<string> = []) {
    this.vocabulary = new Set();
    for (const w of vocabulary) if (w.length >= MIN_PART && /^[a-z]+$/.test(w)) this.vocabulary.add(w);
  }

  /** Build the vocabulary from texts (every folded alphabetic word of 4+ letters). */
  static fromTexts(texts: Iterable<string>, extraWords: Iterable<string> = []): DutchAnalyzer {
    const vocab = new Set<string>();
    for (const t of texts) for (const w of foldedWords(t)) for (const p of w.split('-')) if (/^[a-z]{4,}$/.test(p)) vocab.add(p);
    for (const w of extraWords) for (const p of foldedWords(w)) vocab.add(p);
    return new DutchAnalyzer(vocab);
  }

  hasWord(folded: string): boolean {
    return this.vocabulary.has(folded);
  }

  private byPrefix?: Map<string, string[]>;

  /**
   * Corpus words that look like the same word in another spelling or language: the same first four
   * letters and most letter trigrams shared ('criterion' → criterium, 'certificate' → certificaat,
   * 'structural' → structurele). Best first, at most `limit`.
   */
  cognates(folded: string, limit = 3): string[] {
    if (folded.length < 5 || !/^[a-z]+$/.test(folded)) return [];
    if (!this.byPrefix) {
      this.byPrefix = new Map();
      for (const w of this.vocabulary) {
        if (w.length < 5) continue;
        const k = w.slice(0, 4);
        const list = this.byPrefix.get(k) ?? [];
        list.push(w);
        this.byPrefix.set(k, list);
      }
    }
    const grams = trigrams(folded);
    return (this.byPrefix.get(folded.slice(0, 4)) ?? [])
      .filter((w) => w !== folded)
      .map((w) => {
        const other = trigrams(w);
        let shared = 0;
        for (const g of grams) if (other.has(g)) shared++;
        return { w, dice: (2 * shared) / (grams.size + other.size) };
      })
      .filter((x) => x.dice >= 0.6)
      .sort((a, b) => b.dice - a.dice || a.w.localeCompare(b.w))
      .slice(0, limit)
      .map((x) => x.w);
  }

  /**
   * Split a compound into known words, allowing the linking morphemes -s- and -en-/-e- after the
   * head. Prefers the fewest parts, then the longest tail. Returns null when no split is found.
   */
  decompound(word: string): string[] | null {
    if (word.length < MIN_COMPOUND || !/^[a-z]+$/.test(word)) return null;
    const cached = this.splitCache.get(word);
    if (cached !== undefined) return cached;
    this.splitCache.set(word, null); // guards recursion
    let best: string[] | null = null;
    for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
      const headRaw = word.slice(0, i);
      const tail = word.slice(i);
      const head = this.knownHead(headRaw);
      if (!head) continue;
      const tailParts = this.vocabulary.has(tail) ? [tail] : this.decompound(tail);
      if (!tailParts) continue;
      const candidate = [head, ...tailParts];
      if (!best || candidate.length < best.length || (candidate.length === best.length && tail.length > best.slice(1).join('').length)) {
        best = candidate;
      }
    }
    this.splitCache.set(word, best);
    return best;
  }

  private knownHead(head: string): string | null {
    if (BLOCKED_HEADS.has(head)) return null;
    if (this.vocabulary.has(head)) return head;
    // Linking morphemes: inkoop-s-strategie? rare; but 'verzekering-s-' / 'kind-er-en-' are common.
    if (head.endsWith('s') && head.length - 1 >= MIN_PART && this.vocabulary.has(head.slice(0, -1))) return head.slice(0, -1);
    if (head.endsWith('en') && head.length - 2 >= MIN_PART && this.vocabulary.has(head.slice(0, -2))) return head.slice(0, -2);
    if (head.endsWith('e') && head.length - 1 >= MIN_PART && this.vocabulary.has(head.slice(0, -1))) return head.slice(0, -1);
    return null;
  }

  /**
   * The infinitive of a past participle, when the documents or the vocabulary use it: 'geëvalueerd'
   * → evalueren, 'gecontracteerd' → contracteren, 'gegund' → gunnen, 'vastgesteld' → vaststellen. The
   * stemmer leaves the ge- and the -d/-t, so without this the two forms never meet.
   */
  private infinitivesOf(word: string): string[] {
    const m = /^((?:vast|op|aan|af|in|uit|door|mee|voor|toe|terug|samen|bij|over|vrij|weg)?)ge([a-z]{3,})([dt])$/.exec(word);
    if (!m || word.length < 7) return [];
    const [, particle, body, end] = m;
    const last = body!.slice(-1);
    const forms = [`${body}en`, `${body}${last}en`, `${body!.replace(/([aeou])\1([^aeiou])$/, '$1$2')}en`, `${body}${end}en`];
    return [...new Set(forms.map((f) => particle + f))].filter((f) => f !== word && this.vocabulary.has(f));
  }

  /** Terms of one folded word (a hyphenated word yields the joined word and each piece). */
  wordTerms(word: string): WordTerms[] {
    const hit = this.termCache.get(word);
    if (hit) return hit;
    const out: WordTerms[] = [];
    const pieces = word.split('-').filter(Boolean);
    const add = (w: string) => {
      // Footnote numbers glued to words ('programmaplan1') and codes like '10vdj': split letters/digits.
      const sub = w.match(/[a-z]+|[0-9]+/g) ?? [];
      if (sub.length > 1) {
        out.push({ word: w, whole: w, parts: [] });
        for (const s of sub) add(s);
        return;
      }
      if (/^[0-9]+$/.test(w)) {
        out.push({ word: w, whole: w, parts: [] });
        return;
      }
      if (w.length < 2 || isStopword(w)) return;
      const parts: string[] = [];
      const collect = (x: string) => {
        const split = this.decompound(x);
        if (!split) return;
        for (const p of split) {
          parts.push(stem(p));
          collect(p);
        }
      };
      collect(w);
      for (const inf of this.infinitivesOf(w)) parts.push(stem(inf));
      const whole = stem(w);
      out.push({ word: w, whole, parts: [...new Set(parts)].filter((p) => p !== whole) });
    };
    if (pieces.length > 1) {
      const joined = pieces.join('');
      if (/^[a-z]+$/.test(joined)) add(joined);
      for (const p of pieces) add(p);
    } else if (pieces[0]) add(pieces[0]);
    this.termCache.set(word, out);
    return out;
  }

  /**
   * What the words of a text are, as opposed to what they contain: each word's stem and the stem of
   * its compound head ('jeugdhulpregio's' is a regio; 'gemeenteraad' is a raad, not a gemeente).
   */
  heads(text: string): string[] {
    const out: string[] = [];
    for (const w of foldedWords(text)) {
      for (const t of this.wordTerms(w)) {
        out.push(t.whole);
        let parts = this.decompound(t.word);
        let head: string | undefined;
        while (parts) {
          head = parts[parts.length - 1]!;
          parts = this.decompound(head);
        }
        if (head) out.push(stem(head));
      }
    }
    return out;
  }

  /** Index terms of a text: for every content word its stem and the stems of its compound parts. */
  analyze(text: string): string[] {
    const out: string[] = [];
    for (const w of foldedWords(text)) {
      for (const t of this.wordTerms(w)) {
        out.push(t.whole);
        for (const p of t.parts) out.push(p);
      }
    }
    return out;
  }
}

function trigrams(word: string): Set<string> {
  const padded = `_${word}_`;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}
