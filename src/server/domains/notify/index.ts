export { notifyModule } from './notify.module.js';
export { type Notice, notifyUnit, notifyUnitAndAbove, notifyUsers, resolveNotices } from './notify.usecases.js';
