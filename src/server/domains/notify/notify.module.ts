import { z } from 'zod';
import { defineJob, jobType } from '../../core/jobs/jobs.types.js';
import type { DomainModule } from '../../core/module/module.types.js';
import { m0015NotificationEn } from './migrations/0015_notification_en.js';
import { notifyRoutes } from './notify.routes.js';
import { MAIL_JOB, mailJob } from './notify.usecases.js';

export const mailJobType = jobType(
  MAIL_JOB,
  z.object({ to: z.string(), subject: z.string(), body: z.string(), link: z.string().nullable() }),
);

/** 通知: in-app notifications per person and mail to a unit's mailbox. */
export const notifyModule: DomainModule = {
  name: 'notify',
  migrations: [m0015NotificationEn],
  jobs: [defineJob(mailJobType, (p, ctx) => mailJob(ctx.mailer, ctx.config.mail.publicUrl)(p))],
  routes: (ctx) => notifyRoutes({ db: ctx.db }),
};
