// Public surface of the generated-answer stage.
export { LlmAnswerer, isStreamingAnswerer, type LlmAnswererDeps } from './llm-answerer.js';
export { rewriteFollowUp, rewriteFollowUpHeuristic, looksLikeFollowUp, type RewriteOptions } from './follow-up.js';
export { checkGrounding, type GroundingResult, type SuppliedPassage } from './grounding.js';
export { buildAnswerMessages, ABSTAIN_MARKER } from './prompt.js';
