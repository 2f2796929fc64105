import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RelatedNotice } from '../../../contracts/intake.contracts.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useIndicatorTypeLabel } from '../indicators/labels.js';
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
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState(false);
  const request = useMutation({ mutationFn: requestAccess, onSuccess: onRequested });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    const parsed = accessRequestSchema.safeParse({ type: notice.type, value: notice.value, reason });
    setInvalid(!parsed.success);
    if (parsed.success) request.mutate(parsed.data);
  };
  return (
    <Modal
      opened
      onClose={request.isPending ? () => undefined : onClose}
      title={t('intake.related.requestTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {/* React events cross the portal: in the intake form, this submit and Ctrl+Enter must not reach the record's form. */}
      <form onSubmit={submit} onKeyDown={(event) => event.stopPropagation()} noValidate>
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('intake.related.requestBody', { type: typeLabel(notice.type), value: notice.value, count: notice.hidden })}
          </Text>
          {request.isError && <ErrorAlert error={request.error} />}
          <Textarea
            label={t('intake.related.reason')}
            description={t('intake.related.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={invalid ? t('intake.related.reasonRequired') : undefined}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={onClose} disabled={request.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={request.isPending}>
              {t('intake.related.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
