import type { DomainModule, ModuleContext } from '../../core/module/module.types.js';
import { indicatorDeps } from '../indicators/index.js';
import { seedCasesDemo } from './cases.demo.js';
import { labelCases } from './cases.read.js';
import { RECORD_TYPE } from './cases.repository.js';
import { casesRoutes } from './cases.routes.js';
import type { CasesDeps } from './cases.usecases.js';
import { m0016Cases } from './migrations/0016_cases.js';

/** What cases need is what the indicators domain gives every domain that stores text, with labels. */
function casesDeps(ctx: ModuleContext): CasesDeps {
  return { ...indicatorDeps(ctx), labelRecords: ctx.recordTypes.label };
}

/** 事件・支援要請: cases opened from consultations or directly, with an enforced lifecycle. */
export const casesModule: DomainModule = {
  name: 'cases',
  migrations: [m0016Cases],
  recordTypes: [{ type: RECORD_TYPE, labelJa: '事件', labelEn: 'Case', label: labelCases }],
  async seedDemo(ctx) {
    await seedCasesDemo(casesDeps(ctx));
  },
  routes: (ctx) => casesRoutes(casesDeps(ctx)),
};
