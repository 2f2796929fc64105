import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../contracts/cases.contracts.js';
import { isApiError } from '../../api/errors.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { caseKeys, updateCase } from './api.js';

/**
 * 件名・概要の編集, at the version the page was read at. Only what changed is sent; a changed 概要
 * is read again for indicators on the server, so the related records below follow it. A stale
 * version is shown with 「最新の内容を読み込む」, as in the status form.
 */
export function CaseEditForm({ detail, onDone, onReload }: { detail: CaseDetail; onDone: () => void; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [title, setTitle] = useState(detail.title);
  const [narrative, setNarrative] = useState(detail.narrative);
  const [titleError, setTitleError] = useState<string | undefined>();
  const save = useMutation({
    mutationFn: updateCase,
    meta: { success: t('cases.edit.done', { caseNo: detail.caseNo }) },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: caseKeys.all });
      onDone();
    },
  });
  const conflict = save.isError && isApiError(save.error) && save.error.code === 'cases.version_conflict';
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (title.trim() === '') {
      setTitleError(t('cases.status.required', { field: t('cases.fields.title') }));
      return;
    }
    const body = {
      version: detail.version,
      ...(title.trim() !== detail.title ? { title: title.trim() } : {}),
      ...(narrative !== detail.narrative ? { narrative } : {}),
    };
    if (Object.keys(body).length === 1) return onDone();
    save.mutate({ id: detail.id, body });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.edit.title')}>
      <Stack gap="sm">
        <TextInput
          label={t('cases.fields.title')}
          required
          maxLength={200}
          value={title}
          error={titleError}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            setTitleError(undefined);
          }}
          data-autofocus
        />
        <Textarea
          label={t('cases.fields.narrative')}
          description={t('cases.edit.narrativeHint')}
          autosize
          minRows={4}
          maxLength={20_000}
          value={narrative}
          onChange={(event) => setNarrative(event.currentTarget.value)}
        />
        {save.isError && (
          <ErrorAlert error={save.error} title={conflict ? t('cases.status.conflictTitle') : t('cases.edit.failed')} hideDetails />
        )}
        <Group gap="sm">
          <Button type="submit" loading={save.isPending} disabled={conflict}>
            {t('cases.edit.submit')}
          </Button>
          <Button variant="default" onClick={conflict ? onReload : onDone}>
            {conflict ? t('cases.status.reload') : t('cases.edit.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
