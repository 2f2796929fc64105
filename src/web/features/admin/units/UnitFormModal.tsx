import { Button, Checkbox, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Unit, unitCreateSchema, unitUpdateSchema } from '../../../../contracts/org.contracts.js';
import { type UnitKind, unitKindSchema, unitKinds } from '../../../../contracts/roles.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { invalidFields } from '../../../lib/zodIssues.js';
import { createUnit, type UnitCreate, type UnitUpdate, unitsQueryOptions, updateUnit } from './api.js';
import { subtreeIds } from './unitTree.js';
import { useUnitOptions } from './useUnitOptions.js';

interface UnitFormModalProps {
  /** null: create; a unit: edit it. */
  unit: Unit | null;
  units: readonly Unit[];
  onClose: () => void;
}

interface Draft {
  code: string;
  name: string;
  nameEn: string;
  kind: UnitKind | null;
  parentId: string | null;
  prefectureWide: boolean;
}

const ROOT = '';

type SaveRequest = { kind: 'create'; body: UnitCreate } | { kind: 'update'; id: string; body: UnitUpdate };

/** Create or edit a unit. Mounted per opening, so its state starts fresh each time. */
export function UnitFormModal({ unit, units, onClose }: UnitFormModalProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [draft, setDraft] = useState<Draft>(() =>
    unit
      ? {
          code: unit.code,
          name: unit.name,
          nameEn: unit.nameEn,
          kind: unit.kind,
          parentId: unit.parentId,
          prefectureWide: unit.prefectureWide,
        }
      : { code: '', name: '', nameEn: '', kind: null, parentId: null, prefectureWide: false },
  );
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const excluded = useMemo(() => (unit ? subtreeIds(units, unit.id) : undefined), [unit, units]);
  const parentOptions = useUnitOptions(units, excluded);

  const mutation = useMutation({
    mutationFn: (request: SaveRequest) => (request.kind === 'create' ? createUnit(request.body) : updateUnit(request)),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: unitsQueryOptions.queryKey });
      onClose();
    },
  });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!unit) {
      const parsed = unitCreateSchema.safeParse(draft);
      setInvalid(parsed.success ? new Set() : invalidFields(parsed.error));
      if (parsed.success) mutation.mutate({ kind: 'create', body: parsed.data });
      return;
    }
    // Send only what changed, so the audit trail records the real edit.
    const { code: _code, ...editable } = draft;
    const changes = Object.fromEntries(
      Object.entries(editable).filter(([key, value]) => (unit as unknown as Record<string, unknown>)[key] !== value),
    );
    const parsed = unitUpdateSchema.safeParse(changes);
    setInvalid(parsed.success ? new Set() : invalidFields(parsed.error));
    if (!parsed.success) return;
    // Keep only the changed keys: the contract's `prefectureWide` default would otherwise add
    // `prefectureWide: false` to every edit.
    const body = Object.fromEntries(Object.entries(parsed.data).filter(([key]) => key in changes)) as UnitUpdate;
    if (Object.keys(body).length === 0) onClose();
    else mutation.mutate({ kind: 'update', id: unit.id, body });
  };

  const required = (field: keyof Draft, label: string) => (invalid.has(field) ? t('auth.required', { field: label }) : undefined);

  return (
    <Modal
      opened
      onClose={mutation.isPending ? () => undefined : onClose}
      title={unit ? t('admin.units.form.editTitle') : t('admin.units.form.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.isError && <ErrorAlert error={mutation.error} title={t('admin.units.form.saveFailed')} />}
          <TextInput
            label={t('admin.units.form.code')}
            description={t('admin.units.form.codeHint')}
            required={!unit}
            disabled={Boolean(unit)}
            maxLength={40}
            ff="monospace"
            value={draft.code}
            onChange={(e) => set('code', e.currentTarget.value.toUpperCase())}
            error={invalid.has('code') ? t('admin.units.form.codeInvalid') : undefined}
            data-autofocus={unit ? undefined : true}
          />
          <TextInput
            label={t('admin.units.form.name')}
            required
            maxLength={100}
            value={draft.name}
            onChange={(e) => set('name', e.currentTarget.value)}
            error={required('name', t('admin.units.form.name'))}
            data-autofocus={unit ? true : undefined}
          />
          <TextInput
            label={t('admin.units.form.nameEn')}
            required
            maxLength={100}
            lang="en"
            value={draft.nameEn}
            onChange={(e) => set('nameEn', e.currentTarget.value)}
            error={required('nameEn', t('admin.units.form.nameEn'))}
          />
          <Select
            label={t('admin.units.form.kind')}
            required
            placeholder={t('common.choose')}
            data={unitKinds.map((kind) => ({ value: kind, label: t(`org.unitKinds.${kind}`) }))}
            value={draft.kind}
            onChange={(value) => {
              const parsed = unitKindSchema.safeParse(value);
              set('kind', parsed.success ? parsed.data : null);
            }}
            error={invalid.has('kind') ? t('admin.units.form.kindRequired') : undefined}
            allowDeselect={false}
          />
          <Select
            label={t('admin.units.form.parent')}
            data={[{ value: ROOT, label: t('admin.units.form.parentNone') }, ...parentOptions.data]}
            renderOption={(item) => (item.option.value === ROOT ? item.option.label : parentOptions.renderOption(item))}
            value={draft.parentId ?? ROOT}
            onChange={(value) => set('parentId', value ? value : null)}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('common.nothingFound')}
            comboboxProps={{ withinPortal: true }}
          />
          <Checkbox
            label={t('admin.units.form.prefectureWide')}
            description={t('admin.units.form.prefectureWideHint')}
            checked={draft.prefectureWide}
            onChange={(e) => set('prefectureWide', e.currentTarget.checked)}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={onClose} disabled={mutation.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {unit ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
