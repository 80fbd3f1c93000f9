// A Dutch stemmer following the Snowball (Porter-style) Dutch algorithm: R1/R2 regions, the
// -en/-s/-e endings, -heid, the derivational endings (-end, -ing, -ig, -lijk, -baar, -bar) and
// vowel undoubling. Input must already be lowercased and diacritic-free (see dutch-analyzer.ts).

const isVowel = (c: string | undefined): boolean => c !== undefined && 'aeiouyè'.includes(c);

function undouble(w: string): string {
  return /(kk|dd|tt)$/.test(w) ? w.slice(0, -1) : w;
}

/** Valid -en ending: preceded by a consonant and not by 'gem'. */
function validEnEnding(stem: string): boolean {
  const last = stem[stem.length - 1];
  return stem.length > 0 && !isVowel(last) && !stem.endsWith('gem');
}

/** Valid -s ending: preceded by a consonant other than j. */
function validSEnding(stem: string): boolean {
  const last = stem[stem.length - 1];
  return stem.length > 0 && !isVowel(last) && last !== 'j';
}

export function stemDutch(input: string): string {
  if (input.length < 3 || /[^a-zè]/.test(input)) return input;
  // Mark y after a vowel / at the start and i between vowels as consonants (upper case).
  let w = '';
  for (let i = 0; i < input.length; i++) {
    const c = input[i]!;
    const prev = w[i - 1];
    if (c === 'y' && (i === 0 || isVowel(prev))) w += 'Y';
    else if (c === 'i' && isVowel(prev) && isVowel(input[i + 1]) && i + 1 < input.length) w += 'I';
    else w += c;
  }
  const { r1, r2 } = computeRegions(w);
  const inR1 = (suffixLen: number) => w.length - suffixLen >= r1;
  const inR2 = (suffixLen: number) => w.length - suffixLen >= r2;

  // Step 1
  if (w.endsWith('heden')) {
    if (inR1(5)) w = w.slice(0, -5) + 'heid';
  } else if (w.endsWith('ene') || w.endsWith('en')) {
    const len = w.endsWith('ene') ? 3 : 2;
    const stem = w.slice(0, -len);
    if (inR1(len) && validEnEnding(stem)) w = undouble(stem);
  } else if (w.endsWith('se') || w.endsWith('s')) {
    const len = w.endsWith('se') ? 2 : 1;
    const stem = w.slice(0, -len);
    if (inR1(len) && validSEnding(stem)) w = stem;
  }

  // Step 2
  let eRemoved = false;
  if (w.endsWith('e') && inR1(1) && !isVowel(w[w.length - 2])) {
    w = undouble(w.slice(0, -1));
    eRemoved = true;
  }

  // Step 3a
  if (w.endsWith('heid') && inR2(4) && w[w.length - 5] !== 'c') {
    w = w.slice(0, -4);
    if (w.endsWith('en') && inR1(2) && validEnEnding(w.slice(0, -2))) w = undouble(w.slice(0, -2));
  }

  // Step 3b
  if (w.endsWith('end') || w.endsWith('ing')) {
    if (inR2(3)) {
      w = w.slice(0, -3);
      if (w.endsWith('ig') && inR2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
      else w = undouble(w);
    }
  } else if (w.endsWith('ig')) {
    if (inR2(2) && w[w.length - 3] !== 'e') w = w.slice(0, -2);
  } else if (w.endsWith('lijk')) {
    if (inR2(4)) {
      w = w.slice(0, -4);
      if (w.endsWith('e') && inR1(1) && !isVowel(w[w.length - 2])) w = undouble(w.slice(0, -1));
    }
  } else if (w.endsWith('baar')) {
    if (inR2(4)) w = w.slice(0, -4);
  } else if (w.endsWith('bar')) {
    if (inR2(3) && eRemoved) w = w.slice(0, -3);
  }

  // Step 4: undouble a vowel in a final consonant-vowel-vowel-consonant pattern (maan -> man).
  const n = w.length;
  if (n >= 4) {
    const c = w[n - 4]!, v1 = w[n - 3]!, v2 = w[n - 2]!, d = w[n - 1]!;
    if (!isVowel(c) && v1 === v2 && 'aeou'.includes(v1) && !isVowel(d) && d !== 'I') w = w.slice(0, n - 2) + d;
  }
  return w.replace(/Y/g, 'y').replace(/I/g, 'i');
}

function computeRegions(w: string): { r1: number; r2: number } {
  const next = (start: number): number => {
    for (let i = Math.max(start, 1); i < w.length; i++) if (!isVowel(w[i]) && isVowel(w[i - 1])) return i + 1;
    return w.length;
  };
  const r1Raw = next(1);
  // R2 continues the scan from the unadjusted R1, as Snowball does.
  const r2 = r1Raw >= w.length ? w.length : next(r1Raw + 1);
  const r1 = Math.max(3, r1Raw);
  return { r1: Math.min(r1, w.length), r2 };
}
