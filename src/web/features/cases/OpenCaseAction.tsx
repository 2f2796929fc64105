import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { caseKeys, createCase } from './api.js';

interface OpenCaseActionProps {
  consultationId: string;
  /** The consultation's 件名: the case's title to start from. */
  summary: string;
}

/**
 * 「事件化」 beside a consultation's heading (for cases.write): a small form with the 件名 taken
 * from the consultation, then POST /api/cases linked to it and on to the new case's page.
 */
export function OpenCaseAction({ consultationId, summary }: OpenCaseActionProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="outline" onClick={() => setOpen(true)}>
        {t('cases.open.button')}
      </Button>
      {open && <OpenCaseModal consultationId={consultationId} summary={summary} onClose={() => setOpen(false)} />}
    </>
  );
}

function OpenCaseModal({ consultationId, summary, onClose }: OpenCaseActionProps & { onClose: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(summary);
  const [touched, setTouched] = useState(false);
  const create = useMutation({
    mutationFn: createCase,
    meta: { success: (data: { caseNo: string }) => t('cases.open.done', { caseNo: data.caseNo }) },
    onSuccess: (created) => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      onClose();
      void navigate({ to: '/cases/$id', params: { id: created.id } });
    },
  });
  const empty = title.trim() === '';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setTouched(true);
    if (!empty) create.mutate({ title: title.trim(), consultationIds: [consultationId] });
  };
  return (
    <Modal opened onClose={onClose} title={t('cases.open.title')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            label={t('cases.open.titleLabel')}
            description={t('cases.open.titleHint')}
            required
            maxLength={200}
            data-autofocus
            value={title}
            error={touched && empty ? t('cases.status.required', { field: t('cases.open.titleLabel') }) : undefined}
            onChange={(event) => setTitle(event.currentTarget.value)}
          />
          {create.isError && <ErrorAlert error={create.error} title={t('cases.open.failed')} />}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('cases.open.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
