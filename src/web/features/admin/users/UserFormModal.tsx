import { Button, Group, Modal, Select, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Unit } from '../../../../contracts/org.contracts.js';
import { type User, userCreateSchema, userUpdateSchema } from '../../../../contracts/org.contracts.js';
import { mfaRequiredRoles } from '../../../../contracts/permissions.contracts.js';
import { type Role, roleLabels, roleSchema, roles } from '../../../../contracts/roles.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { useLocalized } from '../../../i18n/index.js';
import { invalidFields } from '../../../lib/zodIssues.js';
import { useUnitOptions } from '../units/useUnitOptions.js';
import { createUser, type TemporaryPassword, type UserCreate, type UserUpdate, updateUser, usersKey } from './api.js';

interface UserFormModalProps {
  /** null: create a user; otherwise edit this one. */
  user: User | null;
  units: readonly Unit[] | undefined;
  onClose: () => void;
  /** After creation: the temporary password to show once. */
  onCreated: (result: TemporaryPassword) => void;
}

interface Draft {
  loginId: string;
  displayName: string;
  unitId: string | null;
  role: Role | null;
}

type SaveRequest = { kind: 'create'; body: UserCreate } | { kind: 'update'; id: string; body: UserUpdate };

/** Create or edit an account. Mounted per opening, so its state starts fresh each time. */
export function UserFormModal({ user, units, onClose, onCreated }: UserFormModalProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const unitOptions = useUnitOptions(units);
  const [draft, setDraft] = useState<Draft>(() =>
    user
      ? { loginId: user.loginId, displayName: user.displayName, unitId: user.unitId, role: user.role }
      : { loginId: '', displayName: '', unitId: null, role: null },
  );
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());

  const mutation = useMutation({
    mutationFn: async (request: SaveRequest) => (request.kind === 'create' ? createUser(request.body) : updateUser(request)),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: usersKey });
      if ('temporaryPassword' in result) onCreated(result);
      else onClose();
    },
  });

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((current) => ({ ...current, [key]: value }));

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!user) {
      const parsed = userCreateSchema.safeParse(draft);
      setInvalid(parsed.success ? new Set() : invalidFields(parsed.error));
      if (parsed.success) mutation.mutate({ kind: 'create', body: parsed.data });
      return;
    }
    // Only what changed, so the audit trail records the real edit.
    const changes: Record<string, unknown> = {};
    if (draft.displayName.trim() !== user.displayName) changes.displayName = draft.displayName;
    if (draft.unitId !== user.unitId) changes.unitId = draft.unitId;
    if (draft.role !== user.role) changes.role = draft.role;
    const parsed = userUpdateSchema.safeParse(changes);
    setInvalid(parsed.success ? new Set() : invalidFields(parsed.error));
    if (!parsed.success) return;
    if (Object.keys(parsed.data).length === 0) onClose();
    else mutation.mutate({ kind: 'update', id: user.id, body: parsed.data });
  };

  const roleNote =
    draft.role === 'partner'
      ? t('admin.users.form.partnerNote')
      : draft.role && mfaRequiredRoles.includes(draft.role)
        ? t('admin.users.form.mfaRequiredNote')
        : undefined;

  return (
    <Modal
      opened
      onClose={mutation.isPending ? () => undefined : onClose}
      title={user ? t('admin.users.form.editTitle', { name: user.displayName }) : t('admin.users.form.createTitle')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          {mutation.isError && <ErrorAlert error={mutation.error} title={t('admin.users.form.saveFailed')} />}
          <TextInput
            label={t('admin.users.columns.loginId')}
            description={user ? undefined : t('admin.users.form.loginIdHint')}
            required={!user}
            disabled={Boolean(user)}
            maxLength={64}
            autoCapitalize="off"
            spellCheck={false}
            ff="monospace"
            value={draft.loginId}
            onChange={(e) => set('loginId', e.currentTarget.value)}
            error={invalid.has('loginId') ? t('admin.users.form.loginIdInvalid') : undefined}
            data-autofocus={user ? undefined : true}
          />
          <TextInput
            label={t('admin.users.columns.displayName')}
            required
            maxLength={100}
            value={draft.displayName}
            onChange={(e) => set('displayName', e.currentTarget.value)}
            error={invalid.has('displayName') ? t('auth.required', { field: t('admin.users.columns.displayName') }) : undefined}
            data-autofocus={user ? true : undefined}
          />
          <Select
            label={t('admin.users.columns.unit')}
            required
            placeholder={t('common.choose')}
            data={unitOptions.data}
            renderOption={unitOptions.renderOption}
            value={draft.unitId}
            onChange={(value) => set('unitId', value)}
            searchable
            allowDeselect={false}
            nothingFoundMessage={t('common.nothingFound')}
            error={invalid.has('unitId') ? t('admin.users.form.unitRequired') : undefined}
          />
          <Select
            label={t('admin.users.columns.role')}
            required
            placeholder={t('common.choose')}
            description={roleNote}
            data={roles.map((role) => ({ value: role, label: localized(roleLabels[role]) }))}
            value={draft.role}
            onChange={(value) => {
              const parsed = roleSchema.safeParse(value);
              set('role', parsed.success ? parsed.data : null);
            }}
            allowDeselect={false}
            error={invalid.has('role') ? t('admin.users.form.roleRequired') : undefined}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={onClose} disabled={mutation.isPending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" loading={mutation.isPending}>
              {user ? t('common.save') : t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
