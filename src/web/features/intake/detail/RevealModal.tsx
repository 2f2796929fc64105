import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { type personalFields, revealRequestSchema } from '../../../../contracts/intake.contracts.js';
import { ReasonModal } from '../../../components/ReasonModal.js';
import { type RevealResult, revealPersonal } from '../api.js';

interface RevealModalProps {
  id: string;
  fields: (typeof personalFields)[number][];
  onClose: () => void;
  onRevealed: (result: RevealResult) => void;
}

/** Asks why before personal data is shown in full; the reason is written to the audit trail. */
export function RevealModal({ id, fields, onClose, onRevealed }: RevealModalProps) {
  const { t } = useTranslation();
  const reveal = useMutation({ mutationFn: revealPersonal, meta: { success: false }, onSuccess: onRevealed });
  return (
    <ReasonModal
      title={t('intake.reveal.title')}
      body={t('intake.reveal.body')}
      text={{
        label: t('intake.reveal.reason'),
        description: t('intake.reveal.reasonHint'),
        minRows: 2,
        maxLength: 200,
        requiredMessage: t('intake.reveal.reasonRequired'),
      }}
      submitLabel={t('intake.reveal.submit')}
      onSubmit={(reason) => {
        const parsed = revealRequestSchema.safeParse({ fields, reason });
        if (parsed.success) reveal.mutate({ id, body: parsed.data });
        return parsed.success;
      }}
      onClose={onClose}
      pending={reveal.isPending}
      error={reveal.error}
    />
  );
}
