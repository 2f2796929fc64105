export { casesModule } from './cases.module.js';
// bench/cases.bench.ts measures what a person waits for: the list, the detail, "my tasks", the inbox.
export { caseDetail, caseList } from './cases.read.js';
export { listRequests } from './cases.requests.js';
export { myTasks } from './cases.tasks.js';
export type { CasesDeps } from './cases.usecases.js';
