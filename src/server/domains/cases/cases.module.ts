import type { DomainModule } from '../../core/module/module.types.js';
import { seedCasesDemo } from './cases.demo.js';
import { labelCases } from './cases.read.js';
import { RECORD_TYPE } from './cases.repository.js';
import { casesRoutes } from './cases.routes.js';
import { m0016Cases } from './migrations/0016_cases.js';

/** 事件・支援要請: cases opened from consultations or directly, with an enforced lifecycle. */
export const casesModule: DomainModule = {
  name: 'cases',
  migrations: [m0016Cases],
  recordTypes: [{ type: RECORD_TYPE, labelJa: '事件', labelEn: 'Case', label: labelCases }],
  async seedDemo(ctx) {
    await seedCasesDemo({ db: ctx.db });
  },
  routes: (ctx) => casesRoutes({ db: ctx.db }),
};
