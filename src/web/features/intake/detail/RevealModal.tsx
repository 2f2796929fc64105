import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type personalFields, revealRequestSchema } from '../../../../contracts/intake.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
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
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const reveal = useMutation({ mutationFn: revealPersonal, onSuccess: onRevealed });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = revealRequestSchema.safeParse({ fields, reason });
    setInvalid(!parsed.success);
    if (parsed.success) reveal.mutate({ id, body: parsed.data });
  };
  return (
    <Modal
      opened
      onClose={reveal.isPending ? () => undefined : onClose}
      title={t('intake.reveal.title')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('intake.reveal.body')}</Text>
          {reveal.isError && <ErrorAlert error={reveal.error} />}
          <Textarea
            label={t('intake.reveal.reason')}
            description={t('intake.reveal.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={200}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={invalid ? t('intake.reveal.reasonRequired') : undefined}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={onClose} disabled={reveal.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={reveal.isPending}>
              {t('intake.reveal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
