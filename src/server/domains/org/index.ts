export { findUserForLogin } from './org.repository.js';
export { type AdminResult, DEMO_PASSWORD, ensureFirstAdmin, type HashPassword, seedDemo } from './org.usecases.js';
