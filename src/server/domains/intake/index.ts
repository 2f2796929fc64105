export { ensureIntakeDefaults } from './intake.admin.js';
export { DEMO_SHARED_PHONE, DEMO_SUPPORT_SCAM_PHONE, demoConsultationId } from './intake.demo.js';
export { importRegister } from './intake.import.js';
export { intakeModule } from './intake.module.js';
export { listConsultations } from './intake.read.js';
// The bulk loader of bench/intake.bench.ts builds rows and search documents as the domain does;
// cases link the consultations their creator may read (readableConsultationIds, assertModus).
export { damageTotal, filteredQuery, readableConsultationIds, SEARCH_INDEX, searchDoc } from './intake.repository.js';
export { stats } from './intake.stats.js';
export { assertModus, consultationRow, createConsultation, type IntakeDeps } from './intake.usecases.js';
