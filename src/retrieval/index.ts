// Retrieval facade: what the rest of Wegwijzer imports.
export { createEmbedder } from './embedder-factory.js';
export { LocalEmbedder } from './local-embedder.js';
export { LangChainEmbedder, createHostedEmbedder } from './langchain-embedder.js';
export { buildSearchArtifacts, openRetriever, HybridRetriever, defaultFusionWeights, type OpenRetrieverArgs, type QueryUnderstanding, type FusionWeights } from './hybrid-retriever.js';
export { loadDomainTerms, defaultDomainTermsPath, QueryAnalyzer, type DomainTerms, type DomainTermEntry, type AnalyzedQuery, type QueryGroup } from './query-analysis.js';
export { DutchAnalyzer, foldText, foldedWords, stem } from './dutch-analyzer.js';
export { coverageOf, type Coverage } from './evidence.js';
export { understandingFor } from './hybrid-retriever.js';
