export { notifyRoutes } from './notify.routes.js';
export { MAIL_JOB, mailJob, type Notice, notifyUnit, notifyUsers } from './notify.usecases.js';
