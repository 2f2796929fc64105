import { Button, Checkbox, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConsultationDetail, escalateRequestSchema } from '../../../../contracts/intake.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { escalateConsultation, intakeKeys } from '../api.js';

/** 「サイバー課へ報告」 by hand: a reason, and 速報 for a shorter deadline. */
export function EscalateModal({ detail, onClose }: { detail: ConsultationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [reason, setReason] = useState('');
  const [urgent, setUrgent] = useState(false);
  const [invalid, setInvalid] = useState(false);
  const escalate = useMutation({
    mutationFn: escalateConsultation,
    onSuccess: (next) => {
      queryClient.setQueryData(intakeKeys.detail(next.id), next);
      void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      onClose();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = escalateRequestSchema.safeParse({ reason, urgent });
    setInvalid(!parsed.success);
    if (parsed.success) escalate.mutate({ id: detail.id, body: parsed.data });
  };
  return (
    <Modal
      opened
      onClose={escalate.isPending ? () => undefined : onClose}
      title={t('intake.escalate.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('intake.escalate.body', { refNo: detail.refNo })}</Text>
          {escalate.isError && <ErrorAlert error={escalate.error} />}
          <Textarea
            label={t('intake.escalate.reason')}
            required
            autosize
            minRows={3}
            maxLength={1000}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={invalid ? t('intake.escalate.reasonRequired') : undefined}
            data-autofocus
          />
          <Checkbox
            label={t('intake.common.urgent')}
            description={t('intake.escalate.urgentHint')}
            checked={urgent}
            onChange={(event) => setUrgent(event.currentTarget.checked)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={onClose} disabled={escalate.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={urgent ? 'red' : undefined} loading={escalate.isPending}>
              {t('intake.escalate.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
