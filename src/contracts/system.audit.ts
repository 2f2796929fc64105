import { auditGroup } from './audit.group.js';

/** Actions of the shared core (sharing, keys, the trail itself) and of system administration. */
export const systemAudit = auditGroup({
  domain: 'system',
  label: { ja: 'システム', en: 'System' },
  actions: {
    'access.share': { ja: '記録の共有', en: 'Record shared', target: 'record' },
    'access.unshare': { ja: '記録の共有の解除', en: 'Record share withdrawn', target: 'record' },
    'access.denied': { ja: 'アクセス拒否', en: 'Access denied', target: 'record' },
    'access.denied_suppressed': { ja: 'アクセス拒否（上限を超えた件数）', en: 'Access denied (count over the limit)', target: null },
    'audit.export': { ja: '監査ログの出力', en: 'Audit export', target: null },
    'crypto.rotate': { ja: '暗号鍵の更新', en: 'Key rotation', target: 'key' },
    'crypto.retire': { ja: '使われなくなった暗号鍵の廃棄', en: 'Retire unused keys', target: 'key' },
    'system.job.retry': { ja: 'ジョブ再実行', en: 'Job retried', target: 'job' },
  },
});
