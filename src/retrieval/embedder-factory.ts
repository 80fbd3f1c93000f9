// Picks the Embedder from configuration: the local hashed embedder by default, hosted ones on request.
import type { Config } from '../config/config.js';
import type { Embedder } from '../core/types.js';
import { createHostedEmbedder } from './langchain-embedder.js';
import { LocalEmbedder } from './local-embedder.js';

export function createEmbedder(config: Pick<Config, 'EMBEDDER'> & Partial<Config>): Embedder {
  if (config.EMBEDDER === 'local') return new LocalEmbedder();
  return createHostedEmbedder(config.EMBEDDER, config as Config);
}
