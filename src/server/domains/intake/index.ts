export { ensureIntakeDefaults } from './intake.admin.js';
export { markOverdue, remindFollowUps } from './intake.escalation.js';
export { consultationEncryptedFields } from './intake.personal.js';
export { intakeRoutes } from './intake.routes.js';
export { createConsultation, type IntakeDeps } from './intake.usecases.js';
