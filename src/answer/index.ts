// Answer facade: the extractive answerer (default, no model) and what other answerers reuse.
export { ExtractiveAnswerer, assessEvidence, defaultAbstention, type AbstentionThresholds, type ExtractiveAnswererOptions, type Evidence } from './extractive-answerer.js';
export { detectLanguage } from './detect-language.js';
export { questionType, typeCue, factsIn, type QuestionType } from './question-type.js';
export { splitSentences } from './sentences.js';
