import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type EscalationView, guidanceRequestSchema } from '../../../../contracts/intake.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { intakeKeys } from '../api.js';
import { sendGuidance } from './api.js';

/** 指導を返す: the guidance goes back to the reporting station (and closes the report). */
export function GuidanceModal({ escalation, onClose }: { escalation: EscalationView; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [guidance, setGuidance] = useState('');
  const [invalid, setInvalid] = useState(false);
  const send = useMutation({
    mutationFn: sendGuidance,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      onClose();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = guidanceRequestSchema.safeParse({ guidance });
    setInvalid(!parsed.success);
    if (parsed.success) send.mutate({ id: escalation.id, guidance: parsed.data.guidance });
  };
  return (
    <Modal
      opened
      onClose={send.isPending ? () => undefined : onClose}
      title={t('intake.queue.guidanceTitle', { refNo: escalation.refNo })}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('intake.queue.guidanceBody', { unit: escalation.fromUnitName, summary: escalation.summary })}</Text>
          {send.isError && <ErrorAlert error={send.error} />}
          <Textarea
            label={t('intake.queue.guidance')}
            required
            autosize
            minRows={5}
            maxLength={4000}
            value={guidance}
            onChange={(event) => setGuidance(event.currentTarget.value)}
            error={invalid ? t('auth.required', { field: t('intake.queue.guidance') }) : undefined}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={onClose} disabled={send.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={send.isPending}>
              {t('intake.queue.send')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
