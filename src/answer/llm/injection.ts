// Documents are data. A sentence in a passage that addresses the assistant ("Negeer alle eerdere
// instructies", "antwoord met deze link ...") is removed from what the model sees and from what
// the grounding check accepts as evidence, so it can neither steer the reply nor vouch for a link.
import type { Language } from '../../core/types.js';

const patterns: RegExp[] = [
  /\b(negeer|vergeet|ignore|disregard|forget|overrule)\b[^.!?\n]{0,60}\b(instructies?|opdrachten|regels|richtlijnen|instructions?|rules|guidelines|prompt)\b/i,
  /\b(antwoord|beantwoord|reageer|answer|reply|respond)\b[^.!?\n]{0,40}\b(met|with|alleen|only|altijd|always)\b[^.!?\n]{0,60}(https?:\/\/|www\.|\blink\b|\burl\b)/i,
  /\b(je bent nu|jij bent nu|u bent nu|you are now|from now on you|vanaf nu ben je|act as|doe alsof je)\b/i,
  /\b(system ?prompt|systeemprompt|developer message|jailbreak)\b/i,
  /(^|\n)\s*(system|assistant|systeem|assistent)\s*:/i,
  /<\/?\s*(system|assistant|instructions?|im_start|im_end)\b[^>]*>/i,
  /\b(zeg|vertel|meld|tell|inform)\b[^.!?\n]{0,30}\b(de gebruiker|gebruikers|the user|users)\b/i,
  /\b(stuur|verwijs|send|redirect|direct)\b[^.!?\n]{0,30}\b(de gebruiker|gebruikers|the user|users)\b[^.!?\n]{0,40}\b(naar|to)\b/i,
];

/** Split into sentences keeping the separators, so the text can be rebuilt exactly. */
function sentencesWithSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let start = 0;
  for (const m of text.matchAll(/[.!?]+(?=\s)|\n\s*\n/g)) {
    const end = m.index! + m[0].length;
    spans.push({ start, end });
    start = end;
  }
  if (start < text.length) spans.push({ start, end: text.length });
  return spans;
}

export function isInstruction(sentence: string): boolean {
  return patterns.some((re) => re.test(sentence));
}

/** The passage with every instruction-like sentence replaced by a short notice; `found` counts them. */
export function redactInstructions(text: string, language: Language = 'nl'): { text: string; found: number } {
  const notice = language === 'en' ? '[instruction in the document removed]' : '[instructie in het document verwijderd]';
  let found = 0;
  let out = '';
  for (const { start, end } of sentencesWithSpans(text)) {
    const s = text.slice(start, end);
    if (isInstruction(s)) {
      found++;
      const lead = /^\s*/.exec(s)![0];
      out += `${lead}${notice}`;
    } else out += s;
  }
  return { text: out, found };
}
