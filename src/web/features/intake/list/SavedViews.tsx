import { Button, CloseButton, Group, Paper, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../../components/ConfirmModal.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { intakeKeys, type ListFilters } from '../api.js';
import { SaveViewModal } from './SaveViewModal.js';
import { deleteView, type SavedView, viewsQueryOptions } from './viewsApi.js';

interface SavedViewsProps {
  /** The filters that apply now (what 「この条件を保存」 stores). */
  current: ListFilters;
  canSave: boolean;
  onApply: (view: SavedView) => void;
}

/** 保存した条件: apply with one click, delete after asking, save the current filters under a name. */
export function SavedViews({ current, canSave, onApply }: SavedViewsProps) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const views = useQuery(viewsQueryOptions);
  const [saving, setSaving] = useState(false);
  const [deleting, setDeleting] = useState<SavedView | null>(null);
  const remove = useMutation({
    mutationFn: (view: SavedView) => deleteView(view.id),
    onSuccess: (result) => {
      queryClient.setQueryData(intakeKeys.views, result);
      setDeleting(null);
    },
  });
  const items = views.data ?? [];
  return (
    <Paper withBorder p="sm" component="section" aria-labelledby="intake-views-title">
      <Group gap="sm" wrap="wrap" align="center">
        <Text fw={700} size="sm" id="intake-views-title">
          {t('intake.views.title')}
        </Text>
        {views.isError && <ErrorAlert error={views.error} />}
        {views.isSuccess && items.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('intake.views.empty')}
          </Text>
        )}
        {items.map((view) => (
          <Group key={view.id} gap={0} wrap="nowrap" style={{ border: '1px solid var(--mantine-color-gray-4)', borderRadius: 6 }}>
            <Button variant="subtle" size="compact-sm" onClick={() => onApply(view)} title={t('intake.views.apply')}>
              {view.name}
            </Button>
            <CloseButton size="sm" aria-label={t('intake.views.delete', { name: view.name })} onClick={() => setDeleting(view)} />
          </Group>
        ))}
        <Button variant="outline" size="compact-sm" onClick={() => setSaving(true)} disabled={!canSave} ml="auto">
          {t('intake.views.save')}
        </Button>
      </Group>
      {saving && <SaveViewModal filters={current} onClose={() => setSaving(false)} />}
      <ConfirmModal
        opened={deleting !== null}
        title={t('intake.views.deleteTitle')}
        confirmLabel={t('intake.views.deleteConfirm')}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => {
          setDeleting(null);
          remove.reset();
        }}
        loading={remove.isPending}
        error={remove.error ?? undefined}
        danger
      >
        {t('intake.views.deleteBody', { name: deleting?.name ?? '' })}
      </ConfirmModal>
    </Paper>
  );
}
