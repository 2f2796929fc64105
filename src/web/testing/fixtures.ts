import type { SessionInfo } from '../../contracts/auth.contracts.js';
import type { Permission } from '../../contracts/permissions.contracts.js';

/** GET /api/auth/me for a logged-in officer holding exactly these permissions. */
export function sessionWith(permissions: readonly Permission[], overrides: Partial<SessionInfo['user']> = {}): SessionInfo {
  return {
    csrfToken: 'test-csrf',
    user: {
      id: 'u-1',
      loginId: 'sato',
      displayName: '佐藤 一郎',
      role: 'stationOfficer',
      unit: { id: 'unit-1', name: '中央警察署' },
      permissions: [...permissions],
      mustChangePassword: false,
      mfaEnrolmentRequired: false,
      mfaEnabled: false,
      ...overrides,
    },
  };
}

/** Answers every logged-in page asks for (the header's notification bell), with nothing in them. */
export const shellAnswers = {
  'GET /api/notifications': { items: [], unread: 0 },
  'GET /api/home': { sections: [], counts: {}, total: 0 },
};

/** GET /api/org/units with two units. */
export const unitsAnswer = {
  items: [
    {
      id: 'unit-1',
      code: 'CHUO',
      name: '中央警察署',
      nameEn: 'Chuo PS',
      kind: 'station',
      parentId: null,
      prefectureWide: false,
      email: null,
    },
    {
      id: 'unit-2',
      code: 'CYBER',
      name: 'サイバー課',
      nameEn: 'Cyber Division',
      kind: 'hqDivision',
      parentId: null,
      prefectureWide: true,
      email: null,
    },
  ],
};
