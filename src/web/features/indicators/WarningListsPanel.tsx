import { Alert, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type WarningListInfo, warningListKindLabels, warningListName } from '../../../contracts/indicators.contracts.js';
import { isApiError } from '../../api/errors.js';
import { useSession } from '../../api/session.js';
import { ConfirmModal } from '../../components/ConfirmModal.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useLanguage, useLocalized } from '../../i18n/index.js';
import { formatJst } from '../../lib/datetime.js';
import { hasPermission } from '../../lib/permissions.js';
import { deleteWarningList, indicatorKeys, warningListsQueryOptions } from './api.js';
import { WarningListFormModal } from './WarningListFormModal.js';

const HEADING_ID = 'indicators-warninglists-heading';

/**
 * 警告リスト: every list a value can be annotated from (known-benign values, kept out of
 * correlation). Shipped lists are read-only; with indicators.warninglists.manage the cyber
 * division adds, edits and deletes its own.
 */
export function WarningListsPanel() {
  const { t } = useTranslation();
  const lng = useLanguage();
  const localized = useLocalized();
  const queryClient = useQueryClient();
  const canManage = hasPermission(useSession()?.user, 'indicators.warninglists.manage');
  const lists = useQuery(warningListsQueryOptions);
  const [editing, setEditing] = useState<WarningListInfo | 'new' | null>(null);
  const [deleting, setDeleting] = useState<WarningListInfo | null>(null);
  /** The last change, so people know stored indicators follow in the background (kept as data: the language may change). */
  const [notice, setNotice] = useState<{ deleted: string } | 'saved' | null>(null);
  const remove = useMutation({
    mutationFn: (list: WarningListInfo) => deleteWarningList(list.id),
    onSuccess: (next, list) => {
      queryClient.setQueryData(indicatorKeys.warningLists, { lists: next });
      setNotice({ deleted: list.name });
      setDeleting(null);
    },
    // Already gone (someone else deleted it): the table should show what is there now.
    onError: (error) => {
      if (isApiError(error) && error.status === 404)
        void queryClient.invalidateQueries({ queryKey: indicatorKeys.warningLists, exact: true });
    },
  });
  const nameOf = (list: WarningListInfo) => warningListName(list, lng);
  const numbers = new Intl.NumberFormat(lng === 'en' ? 'en-US' : 'ja-JP');

  return (
    <Stack gap="md" component="section" aria-labelledby={HEADING_ID}>
      <Group justify="space-between" align="flex-end">
        <Title order={2} size="h3" id={HEADING_ID}>
          {t('indicators.warningLists.heading')}
        </Title>
        {canManage && (
          <Button
            onClick={() => {
              setNotice(null);
              setEditing('new');
            }}
          >
            {t('indicators.warningLists.add')}
          </Button>
        )}
      </Group>
      <Text size="sm" maw={880}>
        {t('indicators.warningLists.intro')}
      </Text>
      {canManage && (
        <Text size="sm" maw={880}>
          {t('indicators.warningLists.manageIntro')}
        </Text>
      )}
      <div aria-live="polite">
        {notice && (
          <Alert
            color="green"
            variant="light"
            role="status"
            withCloseButton
            closeButtonLabel={t('common.close')}
            onClose={() => setNotice(null)}
          >
            {notice === 'saved' ? t('indicators.warningLists.saved') : t('indicators.warningLists.deleted', { name: notice.deleted })}
          </Alert>
        )}
      </div>
      {lists.isPending && <PageLoader />}
      {lists.isError && <ErrorAlert error={lists.error} title={t('indicators.warningLists.failed')} onRetry={() => void lists.refetch()} />}
      {lists.isSuccess && (
        <Table.ScrollContainer minWidth={canManage ? 960 : 820}>
          <Table striped withTableBorder verticalSpacing="xs" fz="sm" aria-labelledby={HEADING_ID}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('indicators.warningLists.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('indicators.warningLists.columns.source')}</Table.Th>
                <Table.Th scope="col">{t('indicators.warningLists.columns.kind')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('indicators.warningLists.columns.size')}
                </Table.Th>
                <Table.Th scope="col">{t('indicators.warningLists.columns.updatedAt')}</Table.Th>
                {canManage && <Table.Th scope="col">{t('common.actions')}</Table.Th>}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {lists.data.length === 0 && (
                <Table.Tr>
                  <Table.Td colSpan={canManage ? 6 : 5}>{t('indicators.warningLists.empty')}</Table.Td>
                </Table.Tr>
              )}
              {lists.data.map((list) => (
                <Table.Tr key={list.id}>
                  <Table.Th scope="row" fw={500}>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {nameOf(list)}
                    </Text>
                  </Table.Th>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    <Text size="sm" fw={list.source === 'local' ? 700 : undefined} c={list.source === 'local' ? 'teal.9' : undefined}>
                      {t(`indicators.warningLists.sources.${list.source}`)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{localized(warningListKindLabels[list.kind])}</Table.Td>
                  <Table.Td ta="end" style={{ whiteSpace: 'nowrap', fontVariantNumeric: 'tabular-nums' }}>
                    {numbers.format(list.size)}
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>
                    {list.updatedAt ? <time dateTime={list.updatedAt}>{formatJst(list.updatedAt)}</time> : '—'}
                  </Table.Td>
                  {canManage && (
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>
                      {list.source === 'local' ? (
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="compact-sm"
                            variant="outline"
                            onClick={() => {
                              setNotice(null);
                              setEditing(list);
                            }}
                            aria-label={t('indicators.warningLists.editLabel', { name: nameOf(list) })}
                          >
                            {t('common.edit')}
                          </Button>
                          <Button
                            size="compact-sm"
                            variant="outline"
                            color="red"
                            onClick={() => {
                              remove.reset();
                              setNotice(null);
                              setDeleting(list);
                            }}
                            aria-label={t('indicators.warningLists.deleteLabel', { name: nameOf(list) })}
                          >
                            {t('indicators.warningLists.delete')}
                          </Button>
                        </Group>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('indicators.warningLists.readOnly')}
                        </Text>
                      )}
                    </Table.Td>
                  )}
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Caption>{t('common.jstNote')}</Table.Caption>
          </Table>
        </Table.ScrollContainer>
      )}
      {editing && (
        <WarningListFormModal
          list={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
          onSaved={() => {
            setEditing(null);
            setNotice('saved');
          }}
        />
      )}
      <ConfirmModal
        opened={deleting !== null}
        title={t('indicators.warningLists.deleteTitle')}
        confirmLabel={t('indicators.warningLists.deleteConfirm')}
        onConfirm={() => {
          if (deleting) remove.mutate(deleting);
        }}
        onCancel={() => setDeleting(null)}
        danger
        loading={remove.isPending}
        error={remove.isError ? remove.error : undefined}
        errorTitle={t('indicators.warningLists.deleteFailed')}
      >
        {deleting ? t('indicators.warningLists.deleteBody', { name: deleting.name, count: deleting.size }) : ''}
      </ConfirmModal>
    </Stack>
  );
}
