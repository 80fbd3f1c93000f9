// Hosted embedders through LangChain (Ollama, OpenAI, Azure OpenAI), adapted to the Embedder port.
// The only file that imports LangChain embedding classes; chosen by config.EMBEDDER.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import { OllamaEmbeddings } from '@langchain/ollama';
import { AzureOpenAIEmbeddings, OpenAIEmbeddings } from '@langchain/openai';
import type { Config } from '../config/config.js';
import type { Embedder } from '../core/types.js';
import { AppError } from '../errors/app-error.js';

export type HostedEmbedderKind = 'ollama' | 'openai' | 'azure-openai';

const defaultModels: Record<HostedEmbedderKind, string> = {
  ollama: 'nomic-embed-text',
  openai: 'text-embedding-3-small',
  'azure-openai': 'text-embedding-3-small',
};

export class LangChainEmbedder implements Embedder {
  private dims = 0;

  constructor(
    readonly name: string,
    private readonly inner: EmbeddingsInterface,
  ) {}

  /** Known after the first call; hosted models decide it. */
  get dimensions(): number {
    return this.dims;
  }

  private remember(vs: number[][]): number[][] {
    if (vs[0]) this.dims = vs[0].length;
    return vs;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    try {
      return this.remember(await this.inner.embedDocuments(texts));
    } catch (cause) {
      throw new AppError('MODEL_UNAVAILABLE', `embedding model ${this.name} failed`, { embedder: this.name }, { cause });
    }
  }

  async embedQuery(text: string): Promise<number[]> {
    try {
      const v = await this.inner.embedQuery(text);
      this.dims = v.length;
      return v;
    } catch (cause) {
      throw new AppError('MODEL_UNAVAILABLE', `embedding model ${this.name} failed`, { embedder: this.name }, { cause });
    }
  }
}

export function createHostedEmbedder(kind: HostedEmbedderKind, config: Config): LangChainEmbedder {
  const model = config.EMBEDDING_MODEL ?? defaultModels[kind];
  switch (kind) {
    case 'ollama':
      return new LangChainEmbedder(`ollama:${model}`, new OllamaEmbeddings({ model, baseUrl: config.OLLAMA_BASE_URL }));
    case 'openai':
      return new LangChainEmbedder(
        `openai:${model}`,
        new OpenAIEmbeddings({ model, apiKey: config.OPENAI_API_KEY, configuration: config.OPENAI_BASE_URL ? { baseURL: config.OPENAI_BASE_URL } : undefined }),
      );
    case 'azure-openai':
      return new LangChainEmbedder(
        `azure-openai:${config.AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT ?? model}`,
        new AzureOpenAIEmbeddings({
          azureOpenAIApiKey: config.AZURE_OPENAI_API_KEY,
          azureOpenAIEndpoint: config.AZURE_OPENAI_ENDPOINT,
          azureOpenAIApiDeploymentName: config.AZURE_OPENAI_EMBEDDINGS_DEPLOYMENT,
          azureOpenAIApiVersion: config.AZURE_OPENAI_API_VERSION,
        }),
      );
  }
}
