// The local web chat: the page (public/), POST /api/ask, POST /api/feedback and GET /api/welcome.
// It answers through the same Assistant as the bots and returns the same reply union as JSON, with
// the id that feedback refers to.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Assistant, AssistantReply } from '../../core/assistant.js';
import type { Logger } from '../../core/logger.js';
import type { ConversationTurn, Language } from '../../core/types.js';
import type { FeedbackStore } from '../../feedback/feedback-store.js';
import { guessLanguage, reportError } from '../../server/errors.js';
import type { Route } from '../../server/http-server.js';
import { HttpError, readJson, sendJson, sendStatic } from '../../server/http.js';
import type { Timeline } from '../../milestones/timeline.js';
import { createTimelineRoutes, milestonesApiPath } from './timeline-routes.js';

export const webPublicDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'public');

export interface WebChatDeps {
  assistant: Assistant;
  feedback: FeedbackStore;
  logger: Logger;
  /** Longest question accepted before the Assistant even sees it (it truncates with a note itself). */
  maxBodyBytes?: number;
  /** The milestone timeline for the "Mijlpalen" panel; without it GET /api/milestones answers 404. */
  timeline?: (language: Language) => Timeline;
}

/** The reply as sent to the browser: the Assistant's union, without server file paths or index internals. */
export type WebReply =
  | (Exclude<AssistantReply, { kind: 'answer' }> & { answerId?: undefined })
  | (Omit<Extract<AssistantReply, { kind: 'answer' }>, 'retrieved'> & {
      answerId: string;
      retrieved: { chunkId: string; doc: string; title: string; section: string; page: number | null; score: number }[];
    });

const maxHistoryTurns = 10;

function parseHistory(value: unknown): ConversationTurn[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((t): t is ConversationTurn => !!t && typeof t === 'object' && (t.role === 'user' || t.role === 'assistant') && typeof t.text === 'string')
    .slice(-maxHistoryTurns)
    .map((t) => ({ role: t.role, text: t.text.slice(0, 4000) }));
}

function toWebReply(reply: AssistantReply, answerId: string | undefined): WebReply {
  if (reply.kind !== 'answer') {
    // The documents reply carries DocumentMeta with server paths; the browser needs titles and dates only.
    if (reply.kind === 'documents') {
      return { ...reply, documents: reply.documents.map((d) => ({ id: d.id, title: d.title, date: d.date, type: d.type, source: d.source, file: d.file, path: '', sha256: '' })) };
    }
    return reply;
  }
  const { retrieved, ...rest } = reply;
  return {
    ...rest,
    answerId: answerId!,
    retrieved: retrieved.map((r) => ({ chunkId: r.chunk.id, doc: r.doc.id, title: r.doc.title, section: r.chunk.section, page: r.chunk.page, score: r.score })),
  };
}

/** A browser has no account; a random id kept in localStorage tells its feedback apart. */
function clientId(req: IncomingMessage, body: Record<string, unknown>): string {
  const fromBody = typeof body.clientId === 'string' ? body.clientId.slice(0, 64) : '';
  return fromBody || `web:${req.socket.remoteAddress ?? 'unknown'}`;
}

export function createWebChatRoutes(deps: WebChatDeps): Route[] {
  const { assistant, feedback, logger } = deps;
  const maxBody = deps.maxBodyBytes ?? 256_000;

  const page = (file: string) => (_req: IncomingMessage, res: ServerResponse) => {
    if (!sendStatic(res, webPublicDir, file)) sendJson(res, 404, { error: 'not found' });
  };

  // Without milestones the panel says so instead of failing (the page always asks).
  const timelineRoutes: Route[] = deps.timeline
    ? createTimelineRoutes(deps.timeline)
    : [{ method: 'GET', path: milestonesApiPath, handle: (_req, res) => sendJson(res, 404, { error: 'milestones are not available' }) }];

  return [
    ...timelineRoutes,
    { method: 'GET', path: '/', handle: page('index.html') },
    {
      method: 'GET',
      path: '/assets/*',
      handle: (_req, res, url) => {
        if (!sendStatic(res, webPublicDir, url.pathname.slice('/assets/'.length))) sendJson(res, 404, { error: 'not found' });
      },
    },
    {
      method: 'GET',
      path: '/api/welcome',
      handle: async (_req, res, url) => {
        const language: Language = url.searchParams.get('lang') === 'en' ? 'en' : 'nl';
        // The web chat's access scopes are the 'local' ones of the scopes file (default: every document).
        const reply = await assistant.welcome(language, { channel: 'web' });
        sendJson(res, 200, { ...toWebReply(reply, undefined), documents: assistant.documents({ channel: 'web' }).map((d) => ({ id: d.id, title: d.title, date: d.date })) });
      },
    },
    {
      method: 'POST',
      path: '/api/ask',
      handle: async (req, res) => {
        const body = (await readJson(req, maxBody)) as Record<string, unknown>;
        if (typeof body.question !== 'string') throw new HttpError(400, 'question (string) is required');
        const question = body.question;
        const userId = clientId(req, body);
        // Rate limits follow the network address: a browser can make up a new client id at will.
        const asker = `web:${req.socket.remoteAddress ?? 'unknown'}`;
        try {
          const reply = await assistant.handle(question, { channel: 'web', userId: asker, conversationId: userId, history: parseHistory(body.history) });
          const answerId = reply.kind === 'answer' ? feedback.recordAnswer({ channel: 'web', userId, conversationId: userId, question, answer: reply.answer }) : undefined;
          sendJson(res, 200, toWebReply(reply, answerId));
        } catch (error) {
          const language = guessLanguage(question);
          sendJson(res, 500, { kind: 'error', language, text: reportError(logger, error, 'web ask', language, { userId }) });
        }
      },
    },
    {
      method: 'POST',
      path: '/api/feedback',
      handle: async (req, res) => {
        const body = (await readJson(req, 16_000)) as Record<string, unknown>;
        const rating = body.rating;
        if (typeof body.answerId !== 'string' || (rating !== 'up' && rating !== 'down')) {
          throw new HttpError(400, "answerId (string) and rating ('up' or 'down') are required");
        }
        const comment = typeof body.comment === 'string' && body.comment.trim() ? body.comment.trim().slice(0, 2000) : undefined;
        const result = feedback.recordFeedback({ answerId: body.answerId, rating, userId: clientId(req, body), comment });
        if (!result.ok) throw new HttpError(404, 'unknown answer');
        sendJson(res, 200, { ok: true, rating });
      },
    },
  ];
}
