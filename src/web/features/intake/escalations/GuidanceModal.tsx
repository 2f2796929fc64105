import { useTranslation } from 'react-i18next';
import { type EscalationView, guidanceRequestSchema } from '../../../../contracts/intake.contracts.js';
import { useAppMutation } from '../../../api/mutation.js';
import { ReasonModal } from '../../../components/ReasonModal.js';
import { useUnitName } from '../../../i18n/index.js';
import { intakeKeys } from '../api.js';
import { sendGuidance } from './api.js';

/** 指導を返す: the guidance goes back to the reporting station (and closes the report). */
export function GuidanceModal({ escalation, onClose }: { escalation: EscalationView; onClose: () => void }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const send = useAppMutation({
    mutationFn: sendGuidance,
    invalidates: [intakeKeys.all],
    success: t('intake.toast.guidanceSent', {
      unit: unitName({ name: escalation.fromUnitName, nameEn: escalation.fromUnitNameEn }),
      refNo: escalation.refNo,
    }),
    onSuccess: onClose,
  });
  return (
    <ReasonModal
      title={t('intake.queue.guidanceTitle', { refNo: escalation.refNo })}
      body={t('intake.queue.guidanceBody', {
        unit: unitName({ name: escalation.fromUnitName, nameEn: escalation.fromUnitNameEn }),
        summary: escalation.summary,
      })}
      size="lg"
      text={{
        label: t('intake.queue.guidance'),
        minRows: 5,
        maxLength: 4000,
        requiredMessage: t('auth.required', { field: t('intake.queue.guidance') }),
      }}
      submitLabel={t('intake.queue.send')}
      onSubmit={(guidance) => {
        const parsed = guidanceRequestSchema.safeParse({ guidance });
        if (parsed.success) send.mutate({ id: escalation.id, guidance: parsed.data.guidance });
        return parsed.success;
      }}
      onClose={onClose}
      pending={send.isPending}
      error={send.error}
    />
  );
}
