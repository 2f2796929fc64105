import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ConsultationDetail, type ConsultationUpdate, disposition, intakeStatus } from '../../../../contracts/intake.contracts.js';
import { isApiError } from '../../../api/errors.js';
import { DetailSection } from '../../../components/DetailSection.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { intakeKeys, updateConsultation } from '../api.js';
import { useEnumOptions } from '../labels.js';

type Disposition = (typeof disposition.keys)[number];

/**
 * 対応状況: 状態, 処理区分 and 引継ぎ先. Saves the version it was opened with; when someone else
 * saved in between (409) it says so and offers the latest version instead of overwriting.
 * The parent remounts it per version, so it always starts from what the server holds.
 */
export function StatusForm({ detail, onReload }: { detail: ConsultationDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const statuses = useEnumOptions(intakeStatus);
  const dispositions = useEnumOptions(disposition);
  const [status, setStatus] = useState(detail.status);
  const [chosen, setChosen] = useState<Disposition | ''>(detail.disposition ?? '');
  const [handoverTo, setHandoverTo] = useState(detail.handoverTo ?? '');
  const save = useMutation({
    mutationFn: updateConsultation,
    meta: { success: t('intake.toast.saved') },
    onSuccess: (next) => {
      // The answer is the new version only: read the record again.
      void queryClient.invalidateQueries({ queryKey: intakeKeys.detail(next.id) });
      void queryClient.invalidateQueries({ queryKey: ['intake', 'list'] });
    },
  });
  const body: ConsultationUpdate = { version: detail.version };
  if (status !== detail.status) body.status = status;
  if ((chosen || null) !== detail.disposition) body.disposition = chosen || null;
  if ((handoverTo.trim() || null) !== detail.handoverTo) body.handoverTo = handoverTo.trim() || null;
  const changed = Object.keys(body).length > 1;
  const conflict = save.isError && isApiError(save.error) && save.error.code === 'intake.version_conflict';

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (changed) save.mutate({ id: detail.id, body });
  };
  return (
    <DetailSection title={t('intake.detail.sections.status')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('intake.fields.status')}
            data={statuses}
            value={status}
            onChange={(event) => setStatus(intakeStatus.keys.find((key) => key === event.currentTarget.value) ?? detail.status)}
          />
          <NativeSelect
            label={t('intake.fields.disposition')}
            data={[{ value: '', label: t('intake.form.undecided') }, ...dispositions]}
            value={chosen}
            onChange={(event) => setChosen(disposition.keys.find((key) => key === event.currentTarget.value) ?? '')}
          />
          <TextInput
            label={t('intake.fields.handoverTo')}
            description={t('intake.detail.handoverHint')}
            maxLength={200}
            value={handoverTo}
            onChange={(event) => setHandoverTo(event.currentTarget.value)}
          />
          {save.isError && (
            <ErrorAlert error={save.error} title={conflict ? t('intake.detail.conflictTitle') : t('intake.detail.saveFailed')} />
          )}
          <Group gap="sm">
            <Button type="submit" loading={save.isPending} disabled={!changed || conflict}>
              {t('common.save')}
            </Button>
            {conflict && (
              <Button variant="outline" onClick={onReload}>
                {t('intake.detail.reload')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
    </DetailSection>
  );
}
