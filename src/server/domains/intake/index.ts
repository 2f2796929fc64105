export { ensureIntakeDefaults } from './intake.admin.js';
export { DEMO_SHARED_PHONE, seedIntakeDemo } from './intake.demo.js';
export { markOverdue, remindFollowUps } from './intake.escalation.js';
export { consultationEncryptedFields } from './intake.personal.js';
export { labelConsultations, listConsultations } from './intake.read.js';
// The bulk loader of bench/intake.bench.ts builds rows and search documents as the domain does.
export { filteredQuery, SEARCH_INDEX, searchDoc } from './intake.repository.js';
export { intakeRoutes } from './intake.routes.js';
export { consultationRow, createConsultation, type IntakeDeps } from './intake.usecases.js';
