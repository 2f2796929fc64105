import { Button, Group, Radio, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../../contracts/intake.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { jstInputToUtcIso } from '../../../lib/datetime.js';
import { addNote, intakeKeys } from '../api.js';

type NoteKind = 'note' | 'complainantContact';

/** メモ or 相談者へ連絡 (相談者支援), optionally setting when the complainant is next due news. */
export function NoteForm({ detail }: { detail: ConsultationDetail }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<NoteKind>('note');
  const [text, setText] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<{ text?: string; next?: string }>({});
  const save = useMutation({
    mutationFn: addNote,
    meta: { success: t('intake.toast.noteAdded') },
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: intakeKeys.detail(result.id) });
      setText('');
      setNext('');
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const nextFollowUpAt = jstInputToUtcIso(next);
    const found = {
      text: text.trim() ? undefined : t('auth.required', { field: t('intake.note.text') }),
      next: nextFollowUpAt === null ? t('intake.form.errors.invalidDate') : undefined,
    };
    setErrors(found);
    if (found.text || found.next) return;
    save.mutate({ id: detail.id, body: { kind, text: text.trim(), ...(nextFollowUpAt ? { nextFollowUpAt } : {}) } });
  };
  return (
    <form onSubmit={submit} noValidate aria-label={t('intake.note.title')}>
      <Stack gap="sm" pt="sm" style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}>
        <Radio.Group
          label={t('intake.note.kind')}
          value={kind}
          onChange={(value) => setKind(value === 'complainantContact' ? value : 'note')}
        >
          <Group gap="md" mt={4}>
            <Radio value="note" label={t('intake.note.kinds.note')} />
            <Radio value="complainantContact" label={t('intake.note.kinds.complainantContact')} />
          </Group>
        </Radio.Group>
        <Textarea
          label={t('intake.note.text')}
          autosize
          minRows={2}
          maxLength={4000}
          value={text}
          onChange={(event) => setText(event.currentTarget.value)}
          error={errors.text}
        />
        <TextInput
          type="datetime-local"
          label={t('intake.fields.nextFollowUpAt')}
          description={t('intake.note.nextHint')}
          value={next}
          onChange={(event) => setNext(event.currentTarget.value)}
          error={errors.next}
        />
        {save.isError && <ErrorAlert error={save.error} />}
        <Group>
          <Button type="submit" variant="outline" loading={save.isPending}>
            {t('intake.note.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
