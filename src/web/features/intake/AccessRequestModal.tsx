import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { RelatedNotice } from '../../../contracts/intake.contracts.js';
import { ReasonModal } from '../../components/ReasonModal.js';
import { useIndicatorTypeLabel } from '../indicators/index.js';
import { accessRequestSchema, requestAccess } from './sharingApi.js';

interface AccessRequestModalProps {
  notice: RelatedNotice;
  onClose: () => void;
  onRequested: () => void;
}

/** 「閲覧を依頼」: why the officer needs the hidden records; サイバー課 is told the reason, never their content. */
export function AccessRequestModal({ notice, onClose, onRequested }: AccessRequestModalProps) {
  const { t } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const request = useMutation({ mutationFn: requestAccess, meta: { success: t('intake.toast.accessRequested') }, onSuccess: onRequested });
  return (
    <ReasonModal
      title={t('intake.related.requestTitle')}
      body={t('intake.related.requestBody', { type: typeLabel(notice.type), value: notice.value, count: notice.hidden })}
      text={{
        label: t('intake.related.reason'),
        description: t('intake.related.reasonHint'),
        minRows: 2,
        maxLength: 500,
        requiredMessage: t('intake.related.reasonRequired'),
      }}
      submitLabel={t('intake.related.submit')}
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
