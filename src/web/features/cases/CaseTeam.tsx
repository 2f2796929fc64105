import { Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../contracts/cases.contracts.js';
import { useAppMutation } from '../../api/mutation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useUnitName } from '../../i18n/index.js';
import { formatJst } from '../../lib/datetime.js';
import { addCaseMember, caseKeys, memberChoicesQueryOptions, removeCaseMember } from './api.js';

/**
 * 捜査班: officers of other units working on the case. They read it (and, with cases.write, record
 * notes) for as long as they are on it; the owning unit builds the team.
 */
export function CaseTeam({ detail, canEdit }: { detail: CaseDetail; canEdit: boolean }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const remove = useAppMutation({
    mutationFn: removeCaseMember,
    invalidates: [caseKeys.detail(detail.id)],
    success: t('cases.team.removed'),
  });
  return (
    <Stack gap="sm">
      <Text size="sm" c="dimmed">
        {t('cases.team.hint')}
      </Text>
      {detail.members.length === 0 ? (
        <Text size="sm">{t('cases.team.none')}</Text>
      ) : (
        <Table aria-label={t('cases.team.tableLabel')} verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.team.name')}</Table.Th>
              <Table.Th>{t('cases.team.unit')}</Table.Th>
              <Table.Th>{t('cases.team.addedAt')}</Table.Th>
              {canEdit && <Table.Th aria-label={t('cases.team.remove')} />}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {detail.members.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{unitName({ name: m.unitName, nameEn: m.unitNameEn })}</Table.Td>
                <Table.Td>{formatJst(m.addedAt)}</Table.Td>
                {canEdit && (
                  <Table.Td>
                    <Button
                      variant="subtle"
                      color="red"
                      size="compact-xs"
                      loading={remove.isPending && remove.variables?.userId === m.userId}
                      onClick={() => remove.mutate({ id: detail.id, userId: m.userId })}
                      aria-label={t('cases.team.removeName', { name: m.name })}
                    >
                      {t('cases.team.remove')}
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {remove.isError && <ErrorAlert error={remove.error} title={t('cases.team.failed')} />}
      {canEdit && <AddMember caseId={detail.id} />}
    </Stack>
  );
}

/** Find an officer by name or unit as it is typed, and put them on the team. */
function AddMember({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const unitName = useUnitName();
  const [search, setSearch] = useState('');
  // What the officer typed, not the label Select writes back when an option is picked.
  const [term, setTerm] = useState('');
  const [query] = useDebouncedValue(term.trim().slice(0, 40), 250);
  const [userId, setUserId] = useState<string | null>(null);
  const choices = useQuery(memberChoicesQueryOptions(caseId, query));
  const add = useAppMutation({
    mutationFn: addCaseMember,
    // The officer added leaves the choices: they are asked again.
    invalidates: [caseKeys.detail(caseId), ['cases', 'member-choices', caseId]],
    success: t('cases.team.added'),
    onSuccess: () => {
      setUserId(null);
      setSearch('');
      setTerm('');
    },
  });
  // Memoised: Select puts the search back to the chosen option's label whenever its data changes.
  const data = useMemo(
    () =>
      (choices.data?.items ?? []).map((c) => ({
        value: c.id,
        label: `${c.name}（${unitName({ name: c.unitName, nameEn: c.unitNameEn })}）`,
      })),
    [choices.data, unitName],
  );
  return (
    <Group align="flex-end" gap="sm">
      <Select
        label={t('cases.team.add')}
        placeholder={t('cases.team.searchHint')}
        searchable
        clearable
        data={data}
        value={userId}
        onChange={setUserId}
        searchValue={search}
        onSearchChange={(value) => {
          setSearch(value);
          if (!data.some((d) => d.label === value)) setTerm(value);
        }}
        filter={({ options }) => options}
        nothingFoundMessage={choices.isFetching ? t('cases.team.searching') : t('cases.team.nobody')}
        style={{ flex: 1, minWidth: 260 }}
      />
      <Button
        variant="outline"
        disabled={userId === null}
        loading={add.isPending}
        onClick={() => userId && add.mutate({ id: caseId, userId })}
      >
        {t('cases.team.addSubmit')}
      </Button>
      {add.isError && <ErrorAlert error={add.error} title={t('cases.team.failed')} />}
    </Group>
  );
}
