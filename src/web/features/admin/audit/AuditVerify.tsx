import { Alert, Button, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { verifyAudit } from './api.js';

/** 「改ざん検査」: the server walks the hash chain and reports the first broken link, if any. */
export function AuditVerify() {
  const { t } = useTranslation();
  const verify = useMutation({ mutationFn: verifyAudit, meta: { success: false } });
  const result = verify.data;
  return (
    <Stack gap="sm">
      <div>
        <Button variant="outline" onClick={() => verify.mutate()} loading={verify.isPending}>
          {t('admin.audit.verify.button')}
        </Button>
      </div>
      <div aria-live="polite">
        {verify.isError && <ErrorAlert error={verify.error} title={t('admin.audit.verify.failed')} />}
        {result?.ok && (
          <Alert color="green" variant="light" role="status">
            <Text size="sm">{t('admin.audit.verify.ok', { count: result.rows })}</Text>
            {!result.anchored && <Text size="xs">{result.message}</Text>}
          </Alert>
        )}
        {result && !result.ok && (
          <Alert color="red" variant="filled" role="alert" title={t('admin.audit.verify.brokenTitle')}>
            <Text size="sm">
              {result.reason === 'hash' || result.reason === 'link'
                ? t('admin.audit.verify.broken', {
                    seq: result.brokenAtSeq ?? '?',
                    reason: t(`admin.audit.verify.reason.${result.reason}`),
                  })
                : // Missing tail, checkpoint or key problems: the server's sentence says what and where (ja / en).
                  result.message}
            </Text>
          </Alert>
        )}
      </div>
    </Stack>
  );
}
