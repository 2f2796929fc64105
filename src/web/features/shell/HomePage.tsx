import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { roleLabels } from '../../../contracts/roles.contracts.js';
import { useSession } from '../../api/session.js';
import { useLocalized } from '../../i18n/index.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';

export function HomePage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const session = useSession();
  useDocumentTitle();
  if (!session) return null;
  const { user } = session;
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1} size="h2">
        {t('home.welcome', { name: user.displayName })}
      </Title>
      <Paper withBorder p="lg">
        <Table variant="vertical" layout="fixed" withRowBorders>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row" w={140}>
                {t('home.name')}
              </Table.Th>
              <Table.Td>{user.displayName}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('home.unit')}</Table.Th>
              <Table.Td>{user.unit.name}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('home.role')}</Table.Th>
              <Table.Td>{localized(roleLabels[user.role])}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Paper>
      <Text>{t('home.intro')}</Text>
    </Stack>
  );
}
