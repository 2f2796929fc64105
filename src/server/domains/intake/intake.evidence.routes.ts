import { Readable } from 'node:stream';
import { intakeEndpoints as ep } from '../../../contracts/intake.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { coreErrors } from '../../core/errors/core.errors.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { attachEvidence, fetchEvidence, listEvidence } from './intake.evidence.js';
import type { IntakeDeps } from './intake.usecases.js';

/** Evidence files: raw bytes streamed in, encrypted at rest; out only as a download, every read audited. */
export function evidenceRoutes(deps: IntakeDeps): RouteModule {
  const { db } = deps;
  return (app) => {
    route(
      app,
      ep.attachEvidence,
      async ({ params, query, principal }, req, reply) => {
        // The request stream itself (http.server.ts): encrypted to disk as it arrives.
        if (!(req.body instanceof Readable)) throw coreErrors.create('http.unsupported_media_type');
        const view = await attachEvidence(db, deps.files, requestCtx(principal, req), params.id, {
          name: query.name,
          declaredType: (req.headers['x-declared-type'] as string | undefined)?.slice(0, 100) ?? null,
          content: req.body,
          maxBytes: deps.evidenceMaxBytes,
        });
        reply.code(201);
        return view;
      },
      { bodyLimit: deps.evidenceMaxBytes },
    );
    route(app, ep.listEvidence, async ({ params, principal }) => ({ items: await listEvidence(db, principal, params.id) }));
    route(app, ep.downloadEvidence, async ({ params, principal }, req, reply) => {
      const f = await fetchEvidence(db, deps.files, requestCtx(principal, req), params.id, params.fileId);
      // Always a download, never rendered: the browser must not interpret evidence.
      return reply
        .header('content-type', 'application/octet-stream')
        .header('content-disposition', `attachment; filename="evidence"; filename*=UTF-8''${encodeURIComponent(f.fileName)}`)
        .header('content-security-policy', 'sandbox')
        .header('x-content-type-options', 'nosniff')
        .send(f.content);
    });
  };
}
