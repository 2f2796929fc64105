export { type Ctx as OrgCtx, createUnit, createUser, resetPassword, unlockUser } from './org.admin.usecases.js';
export { firstAdminKey, orgModule, passwordHasherKey } from './org.module.js';
export { type Account, findAccount, listUnits } from './org.repository.js';
export { nameActors } from './org.timeline.js';
export { type AdminResult, DEMO_PASSWORD, type HashPassword, seedDemo } from './org.usecases.js';
