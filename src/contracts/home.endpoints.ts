import { defineEndpoint } from './endpoint.js';
import { homeResponseSchema } from './home.contracts.js';

const tags = ['home'];

export const homeEndpoints = {
  worklist: defineEndpoint({
    method: 'GET',
    path: '/api/home',
    access: 'authenticated',
    summary: '自分の仕事（ホーム）と件数 / My work items and counts',
    tags,
    response: { 200: homeResponseSchema },
  }),
};
