import { Checkbox } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConsultationDetail, escalateRequestSchema } from '../../../../contracts/intake.contracts.js';
import { ReasonModal } from '../../../components/ReasonModal.js';
import { escalateConsultation, intakeKeys } from '../api.js';

/** 「サイバー課へ報告」 by hand: a reason, and 速報 for a shorter deadline. */
export function EscalateModal({ detail, onClose }: { detail: ConsultationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [urgent, setUrgent] = useState(false);
  const escalate = useMutation({
    mutationFn: escalateConsultation,
    meta: { success: t('intake.toast.escalated') },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      onClose();
    },
  });
  return (
    <ReasonModal
      title={t('intake.escalate.title')}
      body={t('intake.escalate.body', { refNo: detail.refNo })}
      size="lg"
      text={{ label: t('intake.escalate.reason'), minRows: 3, maxLength: 1000, requiredMessage: t('intake.escalate.reasonRequired') }}
      after={
        <Checkbox
          label={t('intake.common.urgent')}
          description={t('intake.escalate.urgentHint')}
          checked={urgent}
          onChange={(event) => setUrgent(event.currentTarget.checked)}
        />
      }
      submitLabel={t('intake.escalate.submit')}
      submitColor={urgent ? 'red' : undefined}
      onSubmit={(reason) => {
        const parsed = escalateRequestSchema.safeParse({ reason, urgent });
        if (parsed.success) escalate.mutate({ id: detail.id, body: parsed.data });
        return parsed.success;
      }}
      onClose={onClose}
      pending={escalate.isPending}
      error={escalate.error}
    />
  );
}
