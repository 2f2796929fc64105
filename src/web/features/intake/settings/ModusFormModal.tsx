import { Button, Group, Modal, NumberInput, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Modus, modusInputSchema } from '../../../../contracts/intake.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { invalidFields } from '../../../lib/zodIssues.js';
import { intakeKeys } from '../api.js';
import { createModus, updateModus } from './api.js';

/** Add a 手口 (code fixed for ever: records keep it) or rename one. Mounted per opening. */
export function ModusFormModal({ modus, onClose }: { modus: Modus | null; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState({ code: modus?.code ?? '', ja: modus?.ja ?? '', en: modus?.en ?? '', sort: modus?.sort ?? 100 });
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const save = useMutation({
    mutationFn: () =>
      modus
        ? updateModus({ code: modus.code, body: { ja: draft.ja.trim(), en: draft.en.trim(), sort: draft.sort } })
        : createModus({ ...draft, active: true }),
    onSuccess: (result) => {
      queryClient.setQueryData(intakeKeys.modus, result);
      onClose();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = modusInputSchema.safeParse({ ...draft, active: true });
    setInvalid(parsed.success ? new Set() : invalidFields(parsed.error));
    if (parsed.success) save.mutate();
  };
  const set = (key: keyof typeof draft) => (value: string | number) => setDraft((current) => ({ ...current, [key]: value }));
  return (
    <Modal
      opened
      onClose={save.isPending ? () => undefined : onClose}
      title={modus ? t('intake.settings.modus.editTitle', { name: modus.ja }) : t('intake.settings.modus.createTitle')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {save.isError && <ErrorAlert error={save.error} />}
          <TextInput
            label={t('intake.settings.modus.code')}
            description={modus ? undefined : t('intake.settings.modus.codeHint')}
            required={!modus}
            disabled={Boolean(modus)}
            maxLength={40}
            ff="monospace"
            value={draft.code}
            onChange={(event) => set('code')(event.currentTarget.value)}
            error={invalid.has('code') ? t('intake.settings.modus.codeInvalid') : undefined}
            data-autofocus={modus ? undefined : true}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <TextInput
              label={t('intake.settings.modus.ja')}
              required
              maxLength={60}
              value={draft.ja}
              onChange={(event) => set('ja')(event.currentTarget.value)}
              error={invalid.has('ja') ? t('auth.required', { field: t('intake.settings.modus.ja') }) : undefined}
              data-autofocus={modus ? true : undefined}
            />
            <TextInput
              label={t('intake.settings.modus.en')}
              required
              maxLength={60}
              value={draft.en}
              onChange={(event) => set('en')(event.currentTarget.value)}
              error={invalid.has('en') ? t('auth.required', { field: t('intake.settings.modus.en') }) : undefined}
            />
          </SimpleGrid>
          <NumberInput
            label={t('intake.settings.modus.sort')}
            description={t('intake.settings.modus.sortHint')}
            min={0}
            max={10_000}
            allowDecimal={false}
            value={draft.sort}
            onChange={(value) => set('sort')(typeof value === 'number' ? value : 0)}
            w={200}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={onClose} disabled={save.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {modus ? t('common.save') : t('intake.settings.modus.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
