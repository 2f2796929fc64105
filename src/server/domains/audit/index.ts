export { exportAudit } from './audit.export.js';
export { auditRoutes } from './audit.routes.js';
