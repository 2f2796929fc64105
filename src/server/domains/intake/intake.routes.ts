import { z } from 'zod';
import { apiErrorSchema } from '../../../contracts/errors.contracts.js';
import {
  consultationDetailSchema,
  consultationInputSchema,
  consultationUpdateSchema,
  escalateRequestSchema,
  escalationState,
  escalationViewSchema,
  guidanceRequestSchema,
  listQuerySchema,
  listResponseSchema,
  modusInputSchema,
  modusSchema,
  noteRequestSchema,
  previewRequestSchema,
  previewResponseSchema,
  revealRequestSchema,
  revealResponseSchema,
  ruleUpdateSchema,
  ruleViewSchema,
  statsResponseSchema,
} from '../../../contracts/intake.contracts.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { coreErrors } from '../../core/errors/core.errors.js';
import type { Principal } from '../../core/http/http.principal.js';
import { addRoute, type RouteModule } from '../../core/http/http.route.js';
import { requestAccess, shareWithUnit } from './intake.access.js';
import { createModus, deleteView, listSavedViews, saveView, updateModus, updateRule } from './intake.admin.js';
import { acknowledge, giveGuidance } from './intake.escalation.js';
import { attachEvidence, fetchEvidence, listEvidence } from './intake.evidence.js';
import { exportRows, toCsv, toXlsx } from './intake.export.js';
import { decodeCsv, importFields, importRegister, parseCsv, suggestMapping } from './intake.import.js';
import { getDetail, listConsultations, preview, reveal, stats } from './intake.read.js';
import { escalationQuery, listModus, ruleViews, toEscalationView } from './intake.repository.js';
import { addNote, createConsultation, escalateByHand, type IntakeDeps, updateConsultation } from './intake.usecases.js';

const idParam = z.strictObject({ id: z.string().min(1).max(64) });
const errors = { 400: apiErrorSchema, 404: apiErrorSchema, 409: apiErrorSchema };
const must = (p: Principal | null): Principal => {
  if (!p) throw new Error('intake route reached without a principal');
  return p;
};
const savedViewSchema = z.object({ id: z.string(), name: z.string(), query: z.record(z.string(), z.unknown()), createdAt: z.string() });

export function intakeRoutes(deps: IntakeDeps): RouteModule {
  const { db } = deps;
  const tags = ['intake'];
  return (app) => {
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/consultations',
      access: 'intake.write',
      summary: '相談等の受理 / Record a consultation',
      tags,
      body: consultationInputSchema,
      response: { 200: consultationDetailSchema, 201: consultationDetailSchema, ...errors },
      async handler({ body, principal }, req, reply) {
        const { id, created } = await createConsultation(deps, requestCtx(principal, req), body);
        reply.code(created ? 201 : 200);
        return getDetail(deps, must(principal), id);
      },
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/consultations',
      access: 'intake.read',
      summary: '相談等の一覧・検索 / List and search consultations',
      tags,
      querystring: listQuerySchema,
      response: { 200: listResponseSchema },
      handler: async ({ query, principal }) => listConsultations(deps, must(principal), query),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/stats',
      access: 'intake.read',
      summary: '署別・分類別・手口別の件数 / Counts per station, category and modus',
      tags,
      querystring: listQuerySchema.omit({ page: true, pageSize: true }),
      response: { 200: statsResponseSchema },
      handler: async ({ query, principal }) => stats(deps, must(principal), query),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/consultations/:id',
      access: 'intake.read',
      summary: '相談等の詳細 / A consultation',
      tags,
      params: idParam,
      response: { 200: consultationDetailSchema, 404: apiErrorSchema },
      handler: async ({ params, principal }) => getDetail(deps, must(principal), params.id),
    });
    addRoute(app, {
      method: 'PATCH',
      url: '/api/intake/consultations/:id',
      access: 'intake.write',
      summary: '相談等の更新（処理区分・状態を含む） / Update a consultation',
      tags,
      params: idParam,
      body: consultationUpdateSchema,
      response: { 200: consultationDetailSchema, ...errors },
      async handler({ params, body, principal }, req) {
        await updateConsultation(deps, requestCtx(principal, req), params.id, body);
        return getDetail(deps, must(principal), params.id);
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/consultations/:id/reveal',
      access: 'intake.reveal',
      summary: '個人情報の表示（理由必須・監査記録） / Reveal personal fields',
      tags,
      params: idParam,
      body: revealRequestSchema,
      response: { 200: revealResponseSchema, ...errors },
      handler: async ({ params, body, principal }, req) => reveal(deps, requestCtx(principal, req), params.id, body.fields, body.reason),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/consultations/:id/notes',
      access: 'intake.write',
      summary: '経過・相談者への連絡の記録 / Add a note or complainant contact',
      tags,
      params: idParam,
      body: noteRequestSchema,
      response: { 200: consultationDetailSchema, ...errors },
      async handler({ params, body, principal }, req) {
        await addNote(deps, requestCtx(principal, req), params.id, body);
        return getDetail(deps, must(principal), params.id);
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/consultations/:id/escalate',
      access: 'intake.write',
      summary: 'サイバー課へ報告（手動） / Escalate by hand',
      tags,
      params: idParam,
      body: escalateRequestSchema,
      response: { 200: consultationDetailSchema, ...errors },
      async handler({ params, body, principal }, req) {
        await escalateByHand(deps, requestCtx(principal, req), params.id, body.reason, body.urgent);
        return getDetail(deps, must(principal), params.id);
      },
    });
    const evidenceSchema = z.object({
      id: z.string(),
      fileName: z.string(),
      size: z.number(),
      sha256: z.string(),
      declaredType: z.string().nullable(),
      uploadedAt: z.string(),
      uploadedByName: z.string().nullable(),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/consultations/:id/files',
      access: 'intake.write',
      summary: '証拠ファイルの添付（application/octet-stream、?name=ファイル名） / Attach an evidence file',
      tags,
      params: idParam,
      querystring: z.strictObject({ name: z.string().min(1).max(255) }),
      bodyLimit: deps.evidenceMaxBytes,
      response: { 201: evidenceSchema, ...errors },
      async handler({ params, query, principal }, req, reply) {
        if (!Buffer.isBuffer(req.body)) throw coreErrors.create('http.unsupported_media_type');
        const view = await attachEvidence(db, deps.files, requestCtx(principal, req), params.id, {
          name: query.name,
          declaredType: (req.headers['x-declared-type'] as string | undefined)?.slice(0, 100) ?? null,
          bytes: req.body,
        });
        reply.code(201);
        return view;
      },
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/consultations/:id/files',
      access: 'intake.read',
      summary: '証拠ファイル一覧 / Evidence files',
      tags,
      params: idParam,
      response: { 200: z.object({ items: z.array(evidenceSchema) }), 404: apiErrorSchema },
      handler: async ({ params, principal }) => ({ items: await listEvidence(db, must(principal), params.id) }),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/consultations/:id/files/:fileId',
      access: 'intake.read',
      summary: '証拠ファイルのダウンロード（監査記録） / Download an evidence file',
      tags,
      params: z.strictObject({ id: z.string().min(1).max(64), fileId: z.string().min(1).max(64) }),
      async handler({ params, principal }, req, reply) {
        const f = await fetchEvidence(db, deps.files, requestCtx(principal, req), params.id, params.fileId);
        // Always a download, never rendered: the browser must not interpret evidence.
        return reply
          .header('content-type', 'application/octet-stream')
          .header('content-disposition', `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
          .header('content-security-policy', 'sandbox')
          .header('x-content-type-options', 'nosniff')
          .send(f.bytes);
      },
    });
    const importField = z.enum(Object.keys(importFields) as [keyof typeof importFields, ...(keyof typeof importFields)[]]);
    const csvBody = { content: z.base64('ファイルの内容は base64 で送ってください').max(40_000_000) };
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/import/preview',
      access: 'intake.import',
      summary: '相談簿 CSV の下見（文字コード判別・列の対応付け案） / Preview a register CSV',
      tags,
      body: z.strictObject(csvBody),
      bodyLimit: 48 * 1024 * 1024,
      response: {
        200: z.object({
          encoding: z.string(),
          headers: z.array(z.string()),
          sample: z.array(z.array(z.string())),
          rows: z.number(),
          mapping: z.record(z.string(), importField.nullable()),
          fields: z.record(z.string(), z.string()),
        }),
        ...errors,
      },
      async handler({ body }) {
        const { text, encoding } = decodeCsv(Buffer.from(body.content, 'base64'));
        const { headers, rows } = parseCsv(text);
        return {
          encoding,
          headers,
          sample: rows.slice(0, 5),
          rows: rows.length,
          mapping: suggestMapping(headers),
          fields: Object.fromEntries(Object.entries(importFields).map(([k, v]) => [k, v.ja])),
        };
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/import',
      access: 'intake.import',
      summary: '相談簿 CSV の取り込み（全件検証の上、一括） / Import a register CSV',
      tags,
      body: z.strictObject({
        ...csvBody,
        mapping: z.record(z.string(), importField.nullable()),
        skipInvalid: z.boolean().default(false),
        dryRun: z.boolean().default(false),
      }),
      bodyLimit: 48 * 1024 * 1024,
      response: {
        200: z.object({
          encoding: z.string(),
          rows: z.number(),
          imported: z.number(),
          skipped: z.number(),
          errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
        }),
        ...errors,
      },
      handler: async ({ body, principal }, req) =>
        importRegister(deps, requestCtx(principal, req), Buffer.from(body.content, 'base64'), body.mapping, {
          skipInvalid: body.skipInvalid,
          dryRun: body.dryRun,
        }),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/export',
      access: 'intake.export',
      summary: '相談等の出力（CSV / XLSX、監査記録） / Export consultations',
      tags,
      querystring: listQuerySchema
        .omit({ page: true, pageSize: true })
        .extend({ format: z.enum(['csv', 'xlsx']).default('csv'), encoding: z.enum(['utf8', 'sjis']).default('utf8') }),
      async handler({ query, principal }, req, reply) {
        const { format, encoding, ...filters } = query;
        const rows = await exportRows(deps, requestCtx(principal, req), filters, format);
        const stamp = new Date(Date.now() + 9 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
        const name = `相談等一覧_${stamp}.${format}`;
        const disposition = `attachment; filename="consultations.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`;
        if (format === 'xlsx') {
          return reply
            .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
            .header('content-disposition', disposition)
            .send(await toXlsx(rows));
        }
        return reply
          .header('content-type', `text/csv; charset=${encoding === 'sjis' ? 'Shift_JIS' : 'utf-8'}`)
          .header('content-disposition', disposition)
          .send(toCsv(rows, encoding));
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/access-requests',
      access: 'intake.read',
      summary: '他所属の関連記録の閲覧をサイバー課へ依頼 / Ask for access to related records',
      tags,
      body: z.strictObject({
        type: z.string().min(1).max(20),
        value: z.string().min(1).max(2000),
        reason: z.string().trim().min(2, '依頼理由を入力してください').max(500),
      }),
      response: { 200: z.object({ hidden: z.number() }), ...errors },
      handler: async ({ body, principal }, req) => requestAccess(db, requestCtx(principal, req), body),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/consultations/:id/share',
      access: 'intake.write',
      summary: '記録を他の所属と共有 / Share a record with a unit',
      tags,
      params: idParam,
      body: z.strictObject({ unitId: z.string().min(1).max(64), reason: z.string().trim().min(2, '共有理由を入力してください').max(500) }),
      response: { 200: consultationDetailSchema, ...errors },
      async handler({ params, body, principal }, req) {
        await shareWithUnit(db, requestCtx(principal, req), params.id, body.unitId, body.reason);
        return getDetail(deps, must(principal), params.id);
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/preview',
      access: 'intake.write',
      summary: '入力中の相談内容から指標と関連記録を表示 / Live extraction and related records',
      tags,
      body: previewRequestSchema,
      response: { 200: previewResponseSchema },
      handler: async ({ body, principal }) => preview(deps, must(principal), body.narrative),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/escalations',
      access: 'intake.escalations.handle',
      summary: '報告の受信一覧 / Escalation queue',
      tags,
      querystring: z.strictObject({ state: escalationState.schema.optional(), open: z.enum(['true', 'false']).optional() }),
      response: { 200: z.object({ items: z.array(escalationViewSchema) }) },
      async handler({ query, principal }) {
        const p = must(principal);
        let q = escalationQuery(db.kysely);
        if (p.scope !== 'prefecture') q = q.where('e.to_unit_id', '=', p.unitId);
        if (query.state) q = q.where('e.state', '=', query.state);
        if (query.open === 'true') q = q.where('e.state', 'in', ['pending', 'overdue', 'acknowledged']);
        const rows = await q.orderBy('e.urgent', 'desc').orderBy('e.due_at').limit(500).execute();
        return { items: rows.map(toEscalationView) };
      },
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/escalations/:id/acknowledge',
      access: 'intake.escalations.handle',
      summary: '報告を確認 / Acknowledge an escalation',
      tags,
      params: idParam,
      response: { 200: escalationViewSchema, ...errors },
      handler: async ({ params, principal }, req) => acknowledge(db, requestCtx(principal, req), params.id),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/escalations/:id/guidance',
      access: 'intake.escalations.handle',
      summary: '署へ指導・助言を返す / Return guidance to the station',
      tags,
      params: idParam,
      body: guidanceRequestSchema,
      response: { 200: escalationViewSchema, ...errors },
      handler: async ({ params, body, principal }, req) => giveGuidance(db, requestCtx(principal, req), params.id, body.guidance),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/modus',
      access: 'intake.read',
      summary: '手口一覧 / Modus list',
      tags,
      response: { 200: z.object({ items: z.array(modusSchema) }) },
      handler: async () => ({ items: await listModus(db.kysely) }),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/modus',
      access: 'intake.settings.manage',
      summary: '手口を追加 / Add a modus',
      tags,
      body: modusInputSchema,
      response: { 200: z.object({ items: z.array(modusSchema) }), ...errors },
      handler: async ({ body, principal }, req) => ({ items: await createModus(db, requestCtx(principal, req), body) }),
    });
    addRoute(app, {
      method: 'PATCH',
      url: '/api/intake/modus/:code',
      access: 'intake.settings.manage',
      summary: '手口を変更・廃止 / Edit or retire a modus',
      tags,
      params: z.strictObject({ code: z.string().min(1).max(40) }),
      body: modusInputSchema.omit({ code: true }).partial(),
      response: { 200: z.object({ items: z.array(modusSchema) }), ...errors },
      handler: async ({ params, body, principal }, req) => ({
        items: await updateModus(db, requestCtx(principal, req), params.code, body),
      }),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/rules',
      access: 'intake.read',
      summary: 'サイバー課への報告基準 / Escalation rules',
      tags,
      response: { 200: z.object({ items: z.array(ruleViewSchema) }) },
      handler: async () => ({ items: await ruleViews(db.kysely) }),
    });
    addRoute(app, {
      method: 'PATCH',
      url: '/api/intake/rules/:code',
      access: 'intake.settings.manage',
      summary: '報告基準の変更 / Edit an escalation rule',
      tags,
      params: z.strictObject({ code: z.string().min(1).max(40) }),
      body: ruleUpdateSchema,
      response: { 200: z.object({ items: z.array(ruleViewSchema) }), ...errors },
      handler: async ({ params, body, principal }, req) => ({ items: await updateRule(db, requestCtx(principal, req), params.code, body) }),
    });
    addRoute(app, {
      method: 'GET',
      url: '/api/intake/views',
      access: 'intake.read',
      summary: '保存した検索条件 / Saved views',
      tags,
      response: { 200: z.object({ items: z.array(savedViewSchema) }) },
      handler: async ({ principal }) => ({ items: await listSavedViews(db, must(principal).userId) }),
    });
    addRoute(app, {
      method: 'POST',
      url: '/api/intake/views',
      access: 'intake.read',
      summary: '検索条件を保存 / Save a view',
      tags,
      body: z.strictObject({ name: z.string().trim().min(1).max(60), query: listQuerySchema.omit({ page: true, pageSize: true }) }),
      response: { 200: z.object({ items: z.array(savedViewSchema) }), ...errors },
      handler: async ({ body, principal }, req) => ({ items: await saveView(db, requestCtx(principal, req), body.name, body.query) }),
    });
    addRoute(app, {
      method: 'DELETE',
      url: '/api/intake/views/:id',
      access: 'intake.read',
      summary: '保存した検索条件を削除 / Delete a saved view',
      tags,
      params: idParam,
      response: { 200: z.object({ items: z.array(savedViewSchema) }), ...errors },
      handler: async ({ params, principal }, req) => ({ items: await deleteView(db, requestCtx(principal, req), params.id) }),
    });
  };
}
