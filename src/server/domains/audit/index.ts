export { exportAudit } from './audit.export.js';
export { auditModule } from './audit.module.js';
