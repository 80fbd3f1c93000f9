// Every answer a channel shows is recorded with what it rested on, so that a 👍/👎 later can be stored
// with the question, the answer and its sources, and exported as an eval question set for review.
import { randomUUID } from 'node:crypto';
import type { Answer, Citation, Language } from '../core/types.js';
import { guardDatabase, migrate, type Db } from '../storage/database.js';

export type FeedbackChannel = 'web' | 'slack' | 'teams' | 'cli';
export type Rating = 'up' | 'down';

/** A cited source as kept with the answer: enough to show it again and to build eval gold passages. */
export type RecordedSource = Citation;

export interface AnswerRecord {
  id: string;
  channel: FeedbackChannel;
  userId?: string;
  conversationId?: string;
  question: string;
  language: Language;
  answerText: string;
  abstained: boolean;
  answerer: string;
  sources: RecordedSource[];
  createdAt: string;
}

export interface FeedbackEntry {
  answer: AnswerRecord;
  rating: Rating;
  userId: string;
  comment?: string;
  createdAt: string;
}

export type FeedbackResult = { ok: true; entry: FeedbackEntry } | { ok: false; reason: 'unknown-answer' };

const migrations = [
  `CREATE TABLE feedback_answers (
     id TEXT PRIMARY KEY,
     channel TEXT NOT NULL,
     user_id TEXT,
     conversation_id TEXT,
     question TEXT NOT NULL,
     language TEXT NOT NULL,
     answer_text TEXT NOT NULL,
     abstained INTEGER NOT NULL,
     answerer TEXT NOT NULL,
     sources_json TEXT NOT NULL,
     created_at TEXT NOT NULL
   );
   CREATE TABLE feedback (
     answer_id TEXT NOT NULL REFERENCES feedback_answers(id),
     user_id TEXT NOT NULL,
     rating TEXT NOT NULL CHECK (rating IN ('up', 'down')),
     comment TEXT,
     created_at TEXT NOT NULL,
     PRIMARY KEY (answer_id, user_id)
   );`,
];

interface AnswerRow {
  id: string;
  channel: string;
  user_id: string | null;
  conversation_id: string | null;
  question: string;
  language: string;
  answer_text: string;
  abstained: number;
  answerer: string;
  sources_json: string;
  created_at: string;
}

function toRecord(r: AnswerRow): AnswerRecord {
  return {
    id: r.id,
    channel: r.channel as FeedbackChannel,
    userId: r.user_id ?? undefined,
    conversationId: r.conversation_id ?? undefined,
    question: r.question,
    language: r.language as Language,
    answerText: r.answer_text,
    abstained: r.abstained === 1,
    answerer: r.answerer,
    sources: JSON.parse(r.sources_json) as RecordedSource[],
    createdAt: r.created_at,
  };
}

export function sourcesOf(citations: Citation[]): RecordedSource[] {
  return citations.map((c) => ({ ...c }));
}


export class FeedbackStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    migrate(db, 'feedback', migrations);
  }

  /** Record an answer as shown; returns the id the feedback buttons carry. */
  recordAnswer(input: { channel: FeedbackChannel; userId?: string; conversationId?: string; question: string; answer: Answer }): string {
    const id = randomUUID();
    guardDatabase('feedback store', 'recording an answer', () => this.db
      .prepare(
        `INSERT INTO feedback_answers (id, channel, user_id, conversation_id, question, language, answer_text, abstained, answerer, sources_json, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.channel,
        input.userId ?? null,
        input.conversationId ?? null,
        input.question,
        input.answer.language,
        input.answer.text,
        input.answer.abstained ? 1 : 0,
        input.answer.answerer,
        JSON.stringify(sourcesOf(input.answer.citations)),
        this.now().toISOString(),
      ));
    return id;
  }

  getAnswer(id: string): AnswerRecord | undefined {
    const row = guardDatabase('feedback store', 'reading an answer', () => this.db.prepare('SELECT * FROM feedback_answers WHERE id = ?').get(id) as AnswerRow | undefined);
    return row ? toRecord(row) : undefined;
  }

  /** One rating per user per answer; clicking again changes the rating. */
  recordFeedback(input: { answerId: string; rating: Rating; userId: string; comment?: string }): FeedbackResult {
    const answer = this.getAnswer(input.answerId);
    if (!answer) return { ok: false, reason: 'unknown-answer' };
    const createdAt = this.now().toISOString();
    guardDatabase('feedback store', 'storing feedback', () => this.db
      .prepare(
        `INSERT INTO feedback (answer_id, user_id, rating, comment, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (answer_id, user_id) DO UPDATE SET rating = excluded.rating, comment = excluded.comment, created_at = excluded.created_at`,
      )
      .run(input.answerId, input.userId, input.rating, input.comment ?? null, createdAt));
    return { ok: true, entry: { answer, rating: input.rating, userId: input.userId, comment: input.comment, createdAt } };
  }

  /** All feedback, oldest first. */
  list(): FeedbackEntry[] {
    const rows = this.db
      .prepare(
        `SELECT a.*, f.user_id AS f_user, f.rating AS f_rating, f.comment AS f_comment, f.created_at AS f_created
         FROM feedback f JOIN feedback_answers a ON a.id = f.answer_id ORDER BY f.created_at, f.rowid`,
      )
      .all() as (AnswerRow & { f_user: string; f_rating: Rating; f_comment: string | null; f_created: string })[];
    return rows.map((r) => ({ answer: toRecord(r), rating: r.f_rating, userId: r.f_user, comment: r.f_comment ?? undefined, createdAt: r.f_created }));
  }
}
