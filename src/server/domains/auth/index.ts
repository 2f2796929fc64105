export { purgeExpiredSessions } from './auth.jobs.js';
export { hashPassword } from './auth.passwords.js';
export { type AuthDeps, authRoutes, makeAuthenticator, sessionCookieName } from './auth.routes.js';
