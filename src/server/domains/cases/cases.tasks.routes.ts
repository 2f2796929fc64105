import { casesEndpoints as ep } from '../../../contracts/cases.endpoints.js';
import { requestCtx } from '../../core/audit/audit.context.js';
import { type RouteModule, route } from '../../core/http/http.route.js';
import { casesErrors } from './cases.errors.js';
import { readableCaseById } from './cases.repository.js';
import { addTask, applyTemplate, assigneeChoices, myTasks, tasksOfCase, updateTask } from './cases.tasks.js';
import { listTaskTemplates, putTaskTemplate } from './cases.templates.js';
import type { CasesDeps } from './cases.usecases.js';

/** A case's tasks, "my tasks" across cases, and the checklists per 手口. */
export function taskRoutes(deps: CasesDeps): RouteModule {
  return (app) => {
    route(app, ep.listTasks, async ({ params, principal }) => {
      if (!(await readableCaseById(deps.db, principal, params.id))) throw casesErrors.create('cases.not_found');
      return { items: await tasksOfCase(deps.db.kysely, principal, params.id) };
    });
    route(app, ep.taskAssignees, ({ params, principal }) => assigneeChoices(deps.db.kysely, principal, params.id));
    route(app, ep.createTask, async ({ params, body, principal }, req, reply) => {
      reply.code(201);
      return addTask(deps.db, requestCtx(principal, req), params.id, body);
    });
    route(app, ep.applyTaskTemplate, async ({ params, body, principal }, req, reply) => {
      reply.code(201);
      return applyTemplate(deps.db, requestCtx(principal, req), params.id, body.modus);
    });
    route(app, ep.updateTask, ({ params, body, principal }, req) =>
      updateTask(deps.db, requestCtx(principal, req), params.id, params.taskId, body),
    );
    route(app, ep.myTasks, ({ query, principal }) => myTasks(deps.db.kysely, principal, query));
    route(app, ep.listTaskTemplates, () => listTaskTemplates(deps.db));
    route(app, ep.putTaskTemplate, ({ params, body, principal }, req) =>
      putTaskTemplate(deps.db, requestCtx(principal, req), params.modus, body.items),
    );
  };
}
