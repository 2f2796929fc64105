import { List, Paper, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PASSWORD_HISTORY, PASSWORD_MIN_LENGTH } from '../../../contracts/auth.contracts.js';

/** The rules the server enforces, stated before people type. */
export function PasswordPolicy({ id }: { id: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md" bg="gray.0" id={id}>
      <Text size="sm" fw={700} mb="xs">
        {t('account.password.policyTitle')}
      </Text>
      <List size="sm">
        <List.Item>{t('account.password.policyLength', { min: PASSWORD_MIN_LENGTH })}</List.Item>
        <List.Item>{t('account.password.policyHistory', { count: PASSWORD_HISTORY })}</List.Item>
        <List.Item>{t('account.password.policyLoginId')}</List.Item>
        <List.Item>{t('account.password.policyGuessable')}</List.Item>
      </List>
    </Paper>
  );
}
