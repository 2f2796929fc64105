import { auditGroup } from './audit.group.js';

export const orgAudit = auditGroup({
  domain: 'org',
  label: { ja: '組織・職員', en: 'Organisation' },
  actions: {
    'org.unit.create': { ja: '所属の作成', en: 'Unit created', target: 'unit' },
    'org.unit.update': { ja: '所属の変更', en: 'Unit updated', target: 'unit' },
    'org.user.create': { ja: '職員の作成', en: 'User created', target: 'user' },
    'org.user.update': { ja: '職員の変更', en: 'User updated', target: 'user' },
    'org.user.password_reset': { ja: 'パスワード再発行', en: 'Password reset', target: 'user' },
    'org.user.unlock': { ja: 'ロック解除', en: 'Account unlocked', target: 'user' },
    'org.seed_demo': { ja: 'デモデータ作成', en: 'Demo data created', target: null },
  },
});
