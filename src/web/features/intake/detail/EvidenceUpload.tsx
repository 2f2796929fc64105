import { Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { intakeKeys } from '../api.js';
import { attachEvidence } from './evidenceApi.js';

/** Choose a file and 「添付」: sent as it is; the list and the 経過 refresh afterwards. */
export function EvidenceUpload({ id }: { id: string }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const attach = useMutation({
    mutationFn: attachEvidence,
    meta: { success: t('intake.toast.evidenceAttached') },
    onSuccess: () => {
      setFile(null);
      // The record's key covers its file list; the record itself gains an 経過 entry.
      return queryClient.invalidateQueries({ queryKey: intakeKeys.detail(id) });
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (file) attach.mutate({ id, file });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="xs" aria-live="polite">
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <FileInput
            label={t('intake.evidence.file')}
            placeholder={t('intake.evidence.placeholder')}
            clearable
            value={file}
            onChange={(next) => {
              setFile(next);
              attach.reset();
            }}
            style={{ flex: 1, minWidth: 0 }}
          />
          <Button type="submit" disabled={!file} loading={attach.isPending}>
            {t('intake.evidence.attach')}
          </Button>
        </Group>
        {attach.isError && <ErrorAlert error={attach.error} title={t('intake.evidence.attachFailed')} />}
        {attach.isSuccess && (
          <Text size="sm" c="green.9">
            {t('intake.evidence.attached', { name: attach.data.fileName })}
          </Text>
        )}
      </Stack>
    </form>
  );
}
