import type { RouteModule } from '../../core/http/http.route.js';
import { accessRoutes } from './intake.access.routes.js';
import { bankRoutes } from './intake.banks.routes.js';
import { consultationRoutes } from './intake.consultations.routes.js';
import { escalationRoutes } from './intake.escalations.routes.js';
import { evidenceRoutes } from './intake.evidence.routes.js';
import { registerRoutes } from './intake.register.routes.js';
import { settingsRoutes } from './intake.settings.routes.js';
import type { IntakeDeps } from './intake.usecases.js';
import { viewRoutes } from './intake.views.routes.js';

/** Every intake route, one file per resource; the endpoints themselves are in contracts/intake.endpoints.ts. */
export function intakeRoutes(deps: IntakeDeps): RouteModule {
  const parts = [
    consultationRoutes,
    escalationRoutes,
    evidenceRoutes,
    registerRoutes,
    accessRoutes,
    settingsRoutes,
    viewRoutes,
    bankRoutes,
  ].map((r) => r(deps));
  return (app) => {
    for (const register of parts) register(app);
  };
}
