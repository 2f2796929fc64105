import { Button, Group, Modal, Select, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../../contracts/intake.contracts.js';
import { isRetryable } from '../../../api/errors.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { unitsQueryOptions } from '../../admin/units/api.js';
import { useUnitOptions } from '../../admin/units/useUnitOptions.js';
import { intakeKeys } from '../api.js';
import { shareConsultation, shareRequestSchema } from '../sharingApi.js';

/** 「他の所属と共有」: a unit (not the owning one) and why; that unit may then read and find the record. */
export function ShareModal({ detail, onClose }: { detail: ConsultationDetail; onClose: () => void }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const units = useQuery(unitsQueryOptions);
  const exclude = useMemo(() => new Set([detail.owningUnitId]), [detail.owningUnitId]);
  const options = useUnitOptions(units.data, exclude);
  const [unitId, setUnitId] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [invalid, setInvalid] = useState<{ unit?: boolean; reason?: boolean }>({});
  const share = useMutation({
    mutationFn: shareConsultation,
    onSuccess: (next) => {
      queryClient.setQueryData(intakeKeys.detail(next.id), next);
      void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      onClose();
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = shareRequestSchema.safeParse({ unitId: unitId ?? '', reason });
    setInvalid({ unit: !unitId, reason: !shareRequestSchema.shape.reason.safeParse(reason).success });
    if (parsed.success) share.mutate({ id: detail.id, body: parsed.data });
  };
  return (
    <Modal
      opened
      onClose={share.isPending ? () => undefined : onClose}
      title={t('intake.share.title')}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Text size="sm">{t('intake.share.body', { refNo: detail.refNo })}</Text>
          {units.isError && <ErrorAlert error={units.error} onRetry={isRetryable(units.error) ? () => void units.refetch() : undefined} />}
          {share.isError && <ErrorAlert error={share.error} />}
          <Select
            label={t('intake.share.unit')}
            placeholder={t('intake.share.unitPlaceholder')}
            required
            searchable
            data={options.data}
            renderOption={options.renderOption}
            nothingFoundMessage={t('common.nothingFound')}
            allowDeselect={false}
            openOnFocus={false}
            value={unitId}
            onChange={(value) => {
              setUnitId(value);
              setInvalid((current) => ({ ...current, unit: false }));
            }}
            disabled={units.isPending}
            error={invalid.unit ? t('intake.share.unitRequired') : undefined}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <Textarea
            label={t('intake.share.reason')}
            description={t('intake.share.reasonHint')}
            required
            autosize
            minRows={2}
            maxLength={500}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            error={invalid.reason ? t('intake.share.reasonRequired') : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={onClose} disabled={share.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={share.isPending}>
              {t('intake.share.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
