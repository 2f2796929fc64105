import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { exportRows, toCsv, toXlsx } from './intake.export.js';
import { decodeCsv, importFields, importRegister, parseCsv, suggestMapping } from './intake.import.js';
import type { IntakeDeps } from './intake.usecases.js';

/** The paper-era register (相談簿): CSV in (preview, then all-or-nothing import), CSV / XLSX out. */
export function registerRoutes(deps: IntakeDeps): RouteModule {
  return (app) => {
    route(app, ep.importPreview, async ({ body }) => {
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
    });
    route(app, ep.importRegister, ({ body, principal }, req) =>
      importRegister(deps, requestCtx(principal, req), Buffer.from(body.content, 'base64'), body.mapping, {
        skipInvalid: body.skipInvalid,
        dryRun: body.dryRun,
      }),
    );
    route(app, ep.exportConsultations, async ({ query, principal }, req, reply) => {
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
    });
  };
}
