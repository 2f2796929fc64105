export { ensureIntakeDefaults } from './intake.admin.js';
export { DEMO_SHARED_PHONE, seedIntakeDemo } from './intake.demo.js';
export { markOverdue, remindFollowUps } from './intake.escalation.js';
export { consultationEncryptedFields } from './intake.personal.js';
export { labelConsultations } from './intake.read.js';
export { intakeRoutes } from './intake.routes.js';
export { createConsultation, type IntakeDeps } from './intake.usecases.js';
