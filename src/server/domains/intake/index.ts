export { DEMO_SHARED_PHONE } from './intake.demo.js';
export { intakeModule } from './intake.module.js';
export { createConsultation, type IntakeDeps } from './intake.usecases.js';
