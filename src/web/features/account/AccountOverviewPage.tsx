import { Badge, List, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '../../../contracts/roles.contracts.js';
import { useSession } from '../../api/session.js';
import { PageHeading } from '../../components/PageHeading.js';
import { useLocalized, useUnitName } from '../../i18n/index.js';
import { usePermissionLabel } from '../../lib/permissions.js';

/** /account: who you are, your second factor, and what you may do. */
export function AccountOverviewPage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitName = useUnitName();
  const permissionLabel = usePermissionLabel();
  const session = useSession();
  if (!session) return null;
  const { user } = session;
  return (
    <Stack gap="lg">
      <PageHeading title={t('account.overview.heading')} />
      <Paper withBorder p="lg">
        <Table variant="vertical" layout="fixed" withRowBorders>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" w={180}>
                {t('account.overview.loginId')}
              </Table.Th>
              <Table.Td ff="monospace">{user.loginId}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('home.name')}</Table.Th>
              <Table.Td>{user.displayName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('home.unit')}</Table.Th>
              <Table.Td>{unitName(user.unit)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('home.role')}</Table.Th>
              <Table.Td>{localized(roleLabels[user.role])}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('account.nav.mfa')}</Table.Th>
              <Table.Td>
                <Badge color={user.mfaEnabled ? 'green' : 'gray'} variant="light">
                  {t(user.mfaEnabled ? 'account.mfa.statusEnabled' : 'account.mfa.statusDisabled')}
                </Badge>
              </Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <Stack gap="xs">
        <Title order={3} size="h5">
          {t('account.overview.permissions')}
        </Title>
        {user.permissions.length === 0 ? (
          <Text size="sm">{t('account.overview.noPermissions')}</Text>
        ) : (
          <List size="sm">
            {user.permissions.map((permission) => (
              <List.Item key={permission}>{permissionLabel(permission)}</List.Item>
            ))}
          </List>
        )}
      </Stack>
    </Stack>
  );
}
