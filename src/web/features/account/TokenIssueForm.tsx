import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiTokenCreateSchema } from '../../../contracts/auth.contracts.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { usePermissionLabel } from '../../lib/permissions.js';
import { invalidFields } from '../../lib/zodIssues.js';
import type { ApiTokenCreate } from './api.js';

const DEFAULT_DAYS = 90;

interface TokenIssueFormProps {
  /** Permissions that may become scopes: the holder's own (the server checks the same rule). */
  scopeOptions: readonly string[];
  onSubmit: (body: ApiTokenCreate) => void;
  pending: boolean;
  error: unknown;
  /** Extra buttons next to 「発行」 (e.g. cancel in a modal). */
  secondaryAction?: ReactNode;
}

/** Name, lifetime and scopes of a new API token; used for one's own and for partner accounts. */
export function TokenIssueForm({ scopeOptions, onSubmit, pending, error, secondaryAction }: TokenIssueFormProps) {
  const { t } = useTranslation();
  const permissionLabel = usePermissionLabel();
  const [name, setName] = useState('');
  const [days, setDays] = useState<number | string>(DEFAULT_DAYS);
  const [scopes, setScopes] = useState<string[]>([]);
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = apiTokenCreateSchema.safeParse({ name, scopes, expiresInDays: typeof days === 'number' ? days : Number.NaN });
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error));
      return;
    }
    setInvalid(new Set());
    onSubmit(parsed.data);
  };

  if (scopeOptions.length === 0) {
    return (
      <Stack gap="md">
        <Alert color="gray" variant="light">
          <Text size="sm">{t('account.tokens.noScopes')}</Text>
        </Alert>
        {secondaryAction && <Group>{secondaryAction}</Group>}
      </Stack>
    );
  }

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        {error !== null && error !== undefined && <ErrorAlert error={error} title={t('account.tokens.createFailed')} />}
        <TextInput
          label={t('account.tokens.name')}
          description={t('account.tokens.nameHint')}
          maxLength={100}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={invalid.has('name') ? t('account.tokens.nameRequired') : undefined}
          maw={480}
        />
        <NumberInput
          label={t('account.tokens.expiresInDays')}
          min={1}
          max={365}
          step={1}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="none"
          required
          value={days}
          onChange={setDays}
          error={invalid.has('expiresInDays') ? t('account.tokens.expiresRange') : undefined}
          maw={200}
        />
        <Checkbox.Group
          label={t('account.tokens.scopes')}
          description={t('account.tokens.scopesHint')}
          required
          value={scopes}
          onChange={setScopes}
          error={invalid.has('scopes') ? t('account.tokens.scopesRequired') : undefined}
        >
          <Stack gap="xs" mt="xs">
            {scopeOptions.map((scope) => (
              <Checkbox
                key={scope}
                value={scope}
                label={permissionLabel(scope)}
                description={
                  <Text span size="xs" ff="monospace" c="dimmed">
                    {scope}
                  </Text>
                }
              />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group gap="sm">
          <Button type="submit" loading={pending}>
            {t('account.tokens.submit')}
          </Button>
          {secondaryAction}
        </Group>
      </Stack>
    </form>
  );
}
