// The one interface every channel (cli, web, slack, teams) talks to. Channels depend on this file;
// nothing under src/core, src/retrieval, src/answer or src/milestones imports a channel.
import type { Answer, ConversationTurn, DocumentMeta, GlossaryEntry, Language, RetrievedChunk } from './types.js';

/** Who is asking, and from where. Channels fill in what they know. */
export interface AskContext {
  channel: 'cli' | 'web' | 'slack' | 'teams' | 'eval';
  /** Stable user id within the channel (Slack user id, Teams AAD object id, ...). */
  userId?: string;
  /** Conversation or channel id, for scopes and milestone subscriptions. */
  conversationId?: string;
  /** Slack workspace / Teams tenant or team, for scope mapping. */
  teamId?: string;
  /** Earlier turns of the thread, oldest first. */
  history?: ConversationTurn[];
  /** Access scopes of the asker; undefined = all documents (single-region deployments). */
  scopes?: string[];
}

export type AssistantReply =
  | { kind: 'answer'; question: string; language: Language; answer: Answer; retrieved: RetrievedChunk[]; ms: number }
  | { kind: 'help'; language: Language; text: string }
  | { kind: 'documents'; language: Language; text: string; documents: DocumentMeta[] }
  | { kind: 'glossary'; language: Language; text: string; entries: GlossaryEntry[] }
  | { kind: 'milestones'; language: Language; text: string; data?: unknown }
  /** Expected refusals: empty question, too long, rate limited. Not errors. */
  | { kind: 'invalid'; language: Language; text: string; reason: string };

export interface HandleOptions {
  /**
   * Called with the checked answer text so far while a streaming answerer (a language model) works.
   * Channels that can edit a posted message (Slack chat.update) show it; the returned reply is final
   * and replaces whatever was shown.
   */
  onPartial?: (partialText: string) => void | Promise<void>;
}

export interface Assistant {
  /** Answer one message. Never throws for user input; infrastructure failures throw coded errors. */
  handle(text: string, context: AskContext, options?: HandleOptions): Promise<AssistantReply>;
  /** Introduction for new members and first-time direct chats; lists only documents the context may read. */
  welcome(language?: Language, context?: AskContext): Promise<AssistantReply>;
  /** The documents the assistant knows (for onboarding and health); with a context, those it may read. */
  documents(context?: AskContext): DocumentMeta[];
}
