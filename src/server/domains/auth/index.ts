export { authModule } from './auth.module.js';
export { hashPassword } from './auth.passwords.js';
export { accountPrincipal } from './auth.principal.js';
export { sessionCookieName } from './auth.routes.js';
export { currentTotp } from './auth.totp.js';
