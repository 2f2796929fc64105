export { purgeExpiredSessions } from './auth.jobs.js';
export { hashPassword } from './auth.passwords.js';
export { accountPrincipal } from './auth.principal.js';
export { type AuthHttpDeps, authRoutes, makeAuthenticator, sessionCookieName } from './auth.routes.js';
export { currentTotp, totpAad } from './auth.totp.js';
