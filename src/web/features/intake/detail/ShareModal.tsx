import { Checkbox, Select } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../../contracts/intake.contracts.js';
import { isRetryable } from '../../../api/errors.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { ReasonModal } from '../../../components/ReasonModal.js';
import { unitsQueryOptions, useUnitOptions } from '../../admin/index.js';
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
  const [unitMissing, setUnitMissing] = useState(false);
  const [allowReveal, setAllowReveal] = useState(false);
  const share = useMutation({
    mutationFn: shareConsultation,
    meta: { success: t('intake.toast.shared') },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
      onClose();
    },
  });
  return (
    <ReasonModal
      title={t('intake.share.title')}
      body={t('intake.share.body', { refNo: detail.refNo })}
      size="lg"
      before={
        <>
          {units.isError && <ErrorAlert error={units.error} onRetry={isRetryable(units.error) ? () => void units.refetch() : undefined} />}
          <Select
            label={t('intake.share.unit')}
            placeholder={t('common.choose')}
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
              setUnitMissing(false);
            }}
            disabled={units.isPending}
            error={unitMissing ? t('intake.share.unitRequired') : undefined}
            comboboxProps={{ withinPortal: true }}
            data-autofocus
          />
          <Checkbox
            mt="sm"
            label={t('intake.share.allowReveal')}
            description={t('intake.share.allowRevealHint')}
            checked={allowReveal}
            onChange={(e) => setAllowReveal(e.currentTarget.checked)}
          />
        </>
      }
      text={{
        label: t('intake.share.reason'),
        description: t('intake.share.reasonHint'),
        minRows: 2,
        maxLength: 500,
        requiredMessage: t('intake.share.reasonRequired'),
      }}
      submitLabel={t('intake.share.submit')}
      onSubmit={(reason) => {
        setUnitMissing(!unitId);
        const parsed = shareRequestSchema.safeParse({ unitId: unitId ?? '', reason, allowReveal });
        if (parsed.success) share.mutate({ id: detail.id, body: parsed.data });
        return shareRequestSchema.shape.reason.safeParse(reason).success;
      }}
      onClose={onClose}
      pending={share.isPending}
      error={share.error}
    />
  );
}
