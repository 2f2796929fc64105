import { legalEndpoints as ep } from '../../../contracts/legal.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { audit } from '../../core/audit/audit.writer.js';
import { withTx } from '../../core/db/db.tx.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import {
  createLegal,
  createRecipient,
  legalForLetter,
  legalOfCase,
  letterPrefix,
  listRecipients,
  putLetterPrefix,
  transitionLegal,
} from './cases.legal.js';
import { letterLines, letterPdf } from './cases.legal.letter.js';
import type { CasesDeps } from './cases.usecases.js';
import { createWarrant, transitionWarrant, warrantsOfCase } from './cases.warrants.js';

/** 照会・保全・令状: a case's letters, their PDF, its warrants, the recipient registry and the unit's 文書記号. */
export function legalRoutes(deps: CasesDeps): RouteModule {
  const { db } = deps;
  return (app) => {
    route(app, ep.listWarrants, async ({ params, principal }) => ({ items: await warrantsOfCase(db.kysely, principal, params.id) }));
    route(app, ep.createWarrant, async ({ params, body, principal }, req, reply) => {
      reply.code(201);
      return createWarrant(db, requestCtx(principal, req), params.id, body);
    });
    route(app, ep.transitionWarrant, ({ params, body, principal }, req) =>
      transitionWarrant(db, requestCtx(principal, req), params.id, params.warrantId, body),
    );
    route(app, ep.listLegal, async ({ params, principal }) => ({ items: await legalOfCase(db.kysely, principal, params.id) }));
    route(app, ep.createLegal, async ({ params, body, principal }, req, reply) => {
      reply.code(201);
      return createLegal(db, requestCtx(principal, req), params.id, body);
    });
    route(app, ep.transitionLegal, ({ params, body, principal }, req) =>
      transitionLegal(db, requestCtx(principal, req), params.id, params.legalId, body),
    );
    route(app, ep.letterPdf, async ({ params, principal }, req, reply) => {
      const now = new Date();
      const { caseRow, letter, unitName } = await legalForLetter(db.kysely, principal, params.id, params.legalId);
      const pdf = await letterPdf(letterLines(letter, { caseNo: caseRow.case_no, title: caseRow.title }, unitName, now));
      // Printing a letter reads the case: recorded like any other read of its content.
      await withTx(db, (tx) =>
        audit(tx, requestCtx(principal, req), {
          action: 'cases.legal.letter',
          target: caseRow.id,
          detail: { legal: letter.id, letterNo: letter.letterNo ?? '' },
        }),
      );
      const name = `${letter.letterNo ?? '照会書（案）'}.pdf`;
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="letter.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .send(pdf);
    });
    route(app, ep.listRecipients, async () => ({ items: await listRecipients(db.kysely) }));
    route(app, ep.createRecipient, async ({ body, principal }, req, reply) => {
      reply.code(201);
      return createRecipient(db, requestCtx(principal, req), body);
    });
    route(app, ep.getLetterPrefix, async ({ principal }) => ({ prefix: await letterPrefix(db.kysely, principal.unitId) }));
    route(app, ep.putLetterPrefix, ({ body, principal }, req) => putLetterPrefix(db, requestCtx(principal, req), body.prefix));
  };
}
