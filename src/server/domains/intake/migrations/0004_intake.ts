import { sql } from 'kysely';
import type { Migration } from '../../../core/db/migrations/migration.types.js';

/**
 * Intake: consultations with encrypted personal fields and keyed hashes beside them, their
 * timeline, escalations with deadlines, the editable rule and 手口 lists, the bigram search index
 * (FTS5 on SQLite, a tsvector with GIN on PostgreSQL), in-app notifications, saved views and
 * evidence files. Units gain a shared mailbox for escalation mail.
 */
export const m0004Intake: Migration = {
  name: '0004_intake',
  async up(db, d) {
    const ts = sql.raw(d.timestamp);
    const json = sql.raw(d.json);
    await db.schema.alterTable('unit').addColumn('email', 'text').execute();

    await db.schema
      .createTable('setting')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', json, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull())
      .execute();

    // `seq` is the search index's row id (FTS5 wants an integer); `id` is what the API shows.
    let t = db.schema
      .createTable('consultation')
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('ref_no', 'text', (c) => c.notNull().unique())
      .addColumn('owning_unit_id', 'text', (c) => c.notNull().references('unit.id'))
      .addColumn('received_by', 'text', (c) => c.notNull().references('app_user.id'))
      .addColumn('received_at', ts, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('category', 'text', (c) => c.notNull())
      .addColumn('modus', 'text', (c) => c.notNull())
      .addColumn('contact_methods', json, (c) => c.notNull())
      .addColumn('sns_service', 'text')
      .addColumn('occurred_at', ts)
      .addColumn('discovered_at', ts)
      .addColumn('damage_amount', 'bigint')
      .addColumn('damage_kind', 'text')
      .addColumn('payment_method', 'text')
      .addColumn('victim_same', 'integer', (c) => c.notNull())
      .addColumn('wishes', json, (c) => c.notNull())
      .addColumn('flags', json, (c) => c.notNull())
      .addColumn('summary', 'text', (c) => c.notNull())
      .addColumn('narrative', 'text', (c) => c.notNull())
      .addColumn('disposition', 'text')
      .addColumn('handover_to', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('escalation', 'text', (c) => c.notNull())
      .addColumn('next_follow_up_at', ts)
      .addColumn('excluded_indicators', json, (c) => c.notNull())
      .addColumn('idempotency_key', 'text')
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('updated_at', ts, (c) => c.notNull());
    // Parties: non-personal attributes in clear; names, addresses, phones and bank details
    // encrypted (AES-256-GCM), with keyed hashes for exact-match lookup.
    for (const p of ['complainant', 'victim']) {
      t = t
        .addColumn(`${p}_type`, 'text')
        .addColumn(`${p}_org_size`, 'text')
        .addColumn(`${p}_sector`, 'text')
        .addColumn(`${p}_age_group`, 'text')
        .addColumn(`${p}_name_enc`, 'text')
        .addColumn(`${p}_name_bi`, 'text')
        .addColumn(`${p}_address_enc`, 'text')
        .addColumn(`${p}_phone_enc`, 'text')
        .addColumn(`${p}_phone_bi`, 'text')
        .addColumn(`${p}_bank_enc`, 'text')
        .addColumn(`${p}_bank_bi`, 'text');
    }
    await t.execute();
    await db.schema.createIndex('consultation_unit_received_idx').on('consultation').columns(['owning_unit_id', 'received_at']).execute();
    await db.schema.createIndex('consultation_received_idx').on('consultation').column('received_at').execute();
    // Need-to-know while walking search matches: checked from this index, not the wide rows.
    await db.schema.createIndex('consultation_seq_unit_idx').on('consultation').columns(['seq', 'owning_unit_id', 'id']).execute();
    // Where a unit's newest records begin (the first search window of a unit-scoped reader).
    await db.schema.createIndex('consultation_unit_seq_idx').on('consultation').columns(['owning_unit_id', 'seq']).execute();
    await db.schema.createIndex('consultation_escalation_idx').on('consultation').columns(['escalation', 'received_at']).execute();
    await db.schema.createIndex('consultation_idem_uq').on('consultation').columns(['received_by', 'idempotency_key']).unique().execute();
    for (const c of ['complainant_name_bi', 'complainant_phone_bi', 'victim_name_bi', 'victim_phone_bi', 'victim_bank_bi']) {
      await db.schema.createIndex(`consultation_${c}_idx`).on('consultation').column(c).execute();
    }
    await db.schema.createIndex('consultation_follow_up_idx').on('consultation').column('next_follow_up_at').execute();

    await db.schema
      .createTable('consultation_event')
      // `seq` orders events written in one transaction with one timestamp.
      .addColumn('seq', sql.raw(d.serialPk))
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id'))
      .addColumn('at', ts, (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor_user_id', 'text')
      .addColumn('actor_unit_id', 'text')
      .addColumn('text', 'text')
      .addColumn('detail', json)
      .execute();
    await db.schema.createIndex('consultation_event_idx').on('consultation_event').columns(['consultation_id', 'at']).execute();

    await db.schema
      .createTable('escalation')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('consultation_id', 'text', (c) => c.notNull().references('consultation.id'))
      .addColumn('from_unit_id', 'text', (c) => c.notNull())
      .addColumn('to_unit_id', 'text', (c) => c.notNull())
      .addColumn('manual', 'integer', (c) => c.notNull())
      .addColumn('urgent', 'integer', (c) => c.notNull())
      .addColumn('rules', json, (c) => c.notNull())
      .addColumn('reason', 'text')
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('raised_by', 'text')
      .addColumn('raised_at', ts, (c) => c.notNull())
      .addColumn('due_at', ts, (c) => c.notNull())
      .addColumn('acknowledged_at', ts)
      .addColumn('acknowledged_by', 'text')
      .addColumn('guidance', 'text')
      .addColumn('guidance_at', ts)
      .addColumn('guidance_by', 'text')
      .addColumn('overdue_level', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('escalation_consultation_idx').on('escalation').column('consultation_id').execute();
    await db.schema.createIndex('escalation_state_due_idx').on('escalation').columns(['state', 'due_at']).execute();

    await db.schema
      .createTable('escalation_rule')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('enabled', 'integer', (c) => c.notNull())
      .addColumn('urgent', 'integer', (c) => c.notNull())
      .addColumn('sla_minutes', 'integer', (c) => c.notNull())
      .addColumn('threshold', 'bigint')
      .addColumn('updated_at', ts, (c) => c.notNull())
      .addColumn('updated_by', 'text')
      .execute();

    await db.schema
      .createTable('modus')
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('ja', 'text', (c) => c.notNull())
      .addColumn('en', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('sort', 'integer', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('notification')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text')
      .addColumn('link', 'text')
      .addColumn('created_at', ts, (c) => c.notNull())
      .addColumn('read_at', ts)
      .execute();
    await db.schema.createIndex('notification_user_idx').on('notification').columns(['user_id', 'created_at']).execute();

    await db.schema
      .createTable('saved_view')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('app_user.id').onDelete('cascade'))
      .addColumn('scope', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('query', json, (c) => c.notNull())
      .addColumn('created_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('saved_view_user_idx').on('saved_view').columns(['user_id', 'scope']).execute();

    await db.schema
      .createTable('evidence_file')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('record_type', 'text', (c) => c.notNull())
      .addColumn('record_id', 'text', (c) => c.notNull())
      .addColumn('owning_unit_id', 'text', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('size', 'bigint', (c) => c.notNull())
      .addColumn('sha256', 'text', (c) => c.notNull())
      .addColumn('declared_type', 'text')
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('uploaded_at', ts, (c) => c.notNull())
      .execute();
    await db.schema.createIndex('evidence_file_record_idx').on('evidence_file').columns(['record_type', 'record_id']).execute();

    if (d.fullText === 'fts5') {
      // Contentless: the text lives in consultation; the index holds only bigram tokens.
      await sql`create virtual table consultation_fts using fts5(doc, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
        db,
      );
    } else {
      await db.schema
        .createTable('consultation_search')
        .addColumn('seq', 'bigint', (c) => c.primaryKey())
        .addColumn('doc', sql`tsvector`, (c) => c.notNull())
        .execute();
      await sql`create index consultation_search_gin on consultation_search using gin (doc)`.execute(db);
    }
  },
};
