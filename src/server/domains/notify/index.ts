export { notifyModule } from './notify.module.js';
export { type Notice, notifyUnit, notifyUsers } from './notify.usecases.js';
