import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../../contracts/intake.contracts.js';
import { DetailSection } from '../../../components/DetailSection.js';
import { EscalateModal } from './EscalateModal.js';
import { EscalationCard } from './EscalationCard.js';

/** 報告: every report of this record, newest first, and the manual report while none is waiting. */
export function EscalationsSection({ detail, canWrite }: { detail: ConsultationDetail; canWrite: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const waiting = detail.escalation === 'pending' || detail.escalation === 'overdue';
  const actions =
    canWrite && !waiting ? (
      <Button size="xs" color="red" variant="outline" onClick={() => setOpen(true)}>
        {t('intake.escalate.open')}
      </Button>
    ) : undefined;
  return (
    <DetailSection title={t('intake.detail.sections.escalations')} actions={actions}>
      {detail.escalations.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('intake.detail.noEscalations')}
        </Text>
      ) : (
        <Stack gap="sm">
          {detail.escalations.map((escalation) => (
            <EscalationCard key={escalation.id} escalation={escalation} />
          ))}
        </Stack>
      )}
      {open && <EscalateModal detail={detail} onClose={() => setOpen(false)} />}
    </DetailSection>
  );
}
