export { type Ctx as OrgCtx, createUnit, createUser, resetPassword, unlockUser } from './org.admin.usecases.js';
export { type Account, findAccount, listUnits } from './org.repository.js';
export { orgRoutes } from './org.routes.js';
export { type AdminResult, DEMO_PASSWORD, ensureFirstAdmin, type HashPassword, seedDemo } from './org.usecases.js';
