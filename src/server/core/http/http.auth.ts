import type { FastifyRequest } from 'fastify';
import { serviceKey } from '../module/module.services.js';
import type { Principal } from './http.principal.js';

/** Resolves the caller from cookies or tokens; null when anonymous. The auth domain provides it. */
export type Authenticator = (req: FastifyRequest) => Promise<Principal | null>;

export const authenticatorKey = serviceKey<Authenticator>('core.authenticate');
