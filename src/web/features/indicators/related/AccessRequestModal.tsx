import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import type { RelatedNotice } from '../../../../contracts/indicators.contracts.js';
import { intakeEndpoints } from '../../../../contracts/intake.endpoints.js';
import { accessRequestSchema } from '../../../../contracts/intake.resources.contracts.js';
import { call } from '../../../api/client.js';
import { ReasonModal } from '../../../components/ReasonModal.js';
import { useIndicatorTypeLabel } from '../labels.js';

/** POST /api/intake/access-requests: サイバー課 is asked for the records in other units that hold this value. */
const requestAccess = (body: z.input<typeof accessRequestSchema>) => call(intakeEndpoints.requestAccess, { body });

interface AccessRequestModalProps {
  notice: RelatedNotice;
  onClose: () => void;
  onRequested: () => void;
}

/** 「閲覧を依頼」: why the officer needs the hidden records; サイバー課 is told the reason, never their content. */
export function AccessRequestModal({ notice, onClose, onRequested }: AccessRequestModalProps) {
  const { t } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const request = useMutation({
    mutationFn: requestAccess,
    meta: { success: t('indicators.related.toastRequested') },
    onSuccess: onRequested,
  });
  return (
    <ReasonModal
      title={t('indicators.related.requestTitle')}
      body={t('indicators.related.requestBody', { type: typeLabel(notice.type), value: notice.value, count: notice.hidden })}
      text={{
        label: t('indicators.related.reason'),
        description: t('indicators.related.reasonHint'),
        minRows: 2,
        maxLength: 500,
        requiredMessage: t('indicators.related.reasonRequired'),
      }}
      submitLabel={t('indicators.related.submit')}
      onSubmit={(reason) => {
        const parsed = accessRequestSchema.safeParse({ type: notice.type, value: notice.value, reason });
        if (parsed.success) request.mutate(parsed.data);
        return parsed.success;
      }}
      onClose={onClose}
      pending={request.isPending}
      error={request.error}
      isolate
    />
  );
}
