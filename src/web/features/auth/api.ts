import { type LoginRequest, type SessionInfo, sessionInfoSchema } from '../../../contracts/auth.contracts.js';
import { apiRequest } from '../../api/client.js';

export function login(body: LoginRequest): Promise<SessionInfo> {
  return apiRequest('/api/auth/login', { method: 'POST', body, schema: sessionInfoSchema });
}

export async function logout(): Promise<void> {
  await apiRequest('/api/auth/logout', { method: 'POST' });
}
