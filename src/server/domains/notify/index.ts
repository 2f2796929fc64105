export { notifyModule } from './notify.module.js';
export { type Notice, notifyUnit, notifyUsers, resolveNotices } from './notify.usecases.js';
