// Conversation references in SQLite: every conversation that talks to Wegwijzer is remembered, so a
// proactive message (a milestone reminder) can reach it later, also after a restart.
import type { ConversationReference } from 'botbuilder';
import type { Db } from '../../storage/database.js';
import { migrate } from '../../storage/database.js';

const migrations = [
  `CREATE TABLE teams_conversations (
     conversation_id TEXT PRIMARY KEY,
     reference_json TEXT NOT NULL,
     conversation_type TEXT,
     tenant_id TEXT,
     user_id TEXT,
     updated_at TEXT NOT NULL
   );`,
];

export interface StoredConversation {
  conversationId: string;
  reference: Partial<ConversationReference>;
  conversationType?: string;
  tenantId?: string;
  userId?: string;
  updatedAt: string;
}

export class TeamsConversationStore {
  constructor(
    private readonly db: Db,
    private readonly now: () => Date = () => new Date(),
  ) {
    migrate(db, 'teams', migrations);
  }

  save(reference: Partial<ConversationReference>, userId?: string): void {
    const id = reference.conversation?.id;
    if (!id) return;
    this.db
      .prepare(
        `INSERT INTO teams_conversations (conversation_id, reference_json, conversation_type, tenant_id, user_id, updated_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (conversation_id) DO UPDATE SET reference_json = excluded.reference_json, conversation_type = excluded.conversation_type,
           tenant_id = excluded.tenant_id, user_id = COALESCE(excluded.user_id, user_id), updated_at = excluded.updated_at`,
      )
      .run(id, JSON.stringify(reference), reference.conversation?.conversationType ?? null, reference.conversation?.tenantId ?? null, userId ?? null, this.now().toISOString());
  }

  get(conversationId: string): StoredConversation | undefined {
    const row = this.db.prepare('SELECT * FROM teams_conversations WHERE conversation_id = ?').get(conversationId) as
      | { conversation_id: string; reference_json: string; conversation_type: string | null; tenant_id: string | null; user_id: string | null; updated_at: string }
      | undefined;
    if (!row) return undefined;
    return {
      conversationId: row.conversation_id,
      reference: JSON.parse(row.reference_json) as Partial<ConversationReference>,
      conversationType: row.conversation_type ?? undefined,
      tenantId: row.tenant_id ?? undefined,
      userId: row.user_id ?? undefined,
      updatedAt: row.updated_at,
    };
  }

  list(): StoredConversation[] {
    return (this.db.prepare('SELECT conversation_id FROM teams_conversations ORDER BY updated_at DESC').all() as { conversation_id: string }[]).map((r) => this.get(r.conversation_id)!);
  }
}
