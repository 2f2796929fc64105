export { migrationsKey, systemModule } from './system.module.js';
