import { Button, Group, Modal, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { intakeKeys, type ListFilters } from '../api.js';
import { saveView } from './viewsApi.js';

interface SaveViewModalProps {
  filters: ListFilters;
  onClose: () => void;
}

/** Name the current filters to apply them again later. Mounted per opening. */
export function SaveViewModal({ filters, onClose }: SaveViewModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [name, setName] = useState('');
  const [invalid, setInvalid] = useState(false);
  const save = useMutation({
    mutationFn: saveView,
    onSuccess: (result) => {
      queryClient.setQueryData(intakeKeys.views, result);
      onClose();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    setInvalid(!trimmed);
    if (trimmed) save.mutate({ name: trimmed, query: filters });
  };
  return (
    <Modal opened onClose={onClose} title={t('intake.views.saveTitle')} centered closeButtonProps={{ 'aria-label': t('common.close') }}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.isError && <ErrorAlert error={save.error} />}
          <TextInput
            label={t('intake.views.name')}
            description={t('intake.views.nameHint')}
            required
            maxLength={60}
            value={name}
            onChange={(event) => setName(event.currentTarget.value)}
            error={invalid ? t('auth.required', { field: t('intake.views.name') }) : undefined}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={onClose} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
