import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PASSWORD_MIN_LENGTH, passwordChangeSchema } from '../../../contracts/auth.contracts.js';
import { isApiError } from '../../api/errors.js';
import { updateSession, useSession } from '../../api/session.js';
import { useErrorText } from '../../api/useErrorText.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeading } from '../../components/PageHeading.js';
import { forcedPath } from '../auth/index.js';
import { changePassword } from './api.js';
import { ForcedNotice } from './ForcedNotice.js';
import { PasswordPolicy } from './PasswordPolicy.js';

type Field = 'currentPassword' | 'newPassword' | 'confirmPassword';

/** Server error codes that belong under a particular field. */
const fieldOfCode: Record<string, Field> = {
  'auth.password_wrong_current': 'currentPassword',
  'auth.password_too_short': 'newPassword',
  'auth.password_reused': 'newPassword',
  'auth.password_same_as_login': 'newPassword',
  'auth.password_weak': 'newPassword',
};

/** /account/password. Also the only page open while mustChangePassword is set. */
export function PasswordPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const session = useSession();
  const policyId = useId();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmPassword: '' });
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [saved, setSaved] = useState(false);

  const forced = session?.user.mustChangePassword ?? false;
  const mutation = useMutation({
    mutationFn: changePassword,
    onSuccess: async (next) => {
      updateSession(queryClient, next);
      setValues({ currentPassword: '', newPassword: '', confirmPassword: '' });
      // Held here by a temporary password: move on (to MFA enrolment if that is next, else home).
      if (forced) await navigate({ to: forcedPath(next.user) ?? '/' });
      else setSaved(true);
    },
  });

  if (!session) return null;
  const { loginId } = session.user;

  const serverField = isApiError(mutation.error) ? fieldOfCode[mutation.error.code] : undefined;
  const errorFor = (field: Field) => clientErrors[field] ?? (serverField === field ? errorText(mutation.error) : undefined);

  const set = (field: Field) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
    setSaved(false);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) errors.currentPassword = t('auth.required', { field: t('account.password.current') });
    if (!values.newPassword) errors.newPassword = t('auth.required', { field: t('account.password.new') });
    else if (values.newPassword.length < PASSWORD_MIN_LENGTH)
      errors.newPassword = t('account.password.tooShort', { min: PASSWORD_MIN_LENGTH });
    else if (values.newPassword === loginId) errors.newPassword = t('account.password.sameAsLogin');
    else if (values.newPassword === values.currentPassword) errors.newPassword = t('account.password.sameAsCurrent');
    if (!errors.newPassword && values.confirmPassword !== values.newPassword) errors.confirmPassword = t('account.password.mismatch');
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) return;
    const body = passwordChangeSchema.safeParse({ currentPassword: values.currentPassword, newPassword: values.newPassword });
    if (!body.success) {
      setClientErrors({ newPassword: t('account.password.tooLong') });
      return;
    }
    mutation.mutate(body.data);
  };

  return (
    <Stack gap="lg">
      <PageHeading title={t('account.nav.password')} />
      {forced && <ForcedNotice kind="password" />}
      {saved && (
        <Alert color="green" variant="light" role="status">
          <Text size="sm">{t('account.password.saved')}</Text>
        </Alert>
      )}
      {mutation.isError && !serverField && <ErrorAlert error={mutation.error} title={t('account.password.failed')} />}
      <PasswordPolicy id={policyId} />
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={480}>
          {/* Lets password managers file the new password under the right account. */}
          <input type="text" name="username" autoComplete="username" value={loginId} readOnly hidden />
          <PasswordInput
            label={t('account.password.current')}
            name="currentPassword"
            autoComplete="current-password"
            maxLength={256}
            required
            value={values.currentPassword}
            onChange={(e) => set('currentPassword')(e.currentTarget.value)}
            error={errorFor('currentPassword')}
            autoFocus={forced}
          />
          <PasswordInput
            label={t('account.password.new')}
            name="newPassword"
            autoComplete="new-password"
            maxLength={256}
            required
            value={values.newPassword}
            onChange={(e) => set('newPassword')(e.currentTarget.value)}
            error={errorFor('newPassword')}
            aria-describedby={policyId}
          />
          <PasswordInput
            label={t('account.password.confirm')}
            name="confirmPassword"
            autoComplete="new-password"
            maxLength={256}
            required
            value={values.confirmPassword}
            onChange={(e) => set('confirmPassword')(e.currentTarget.value)}
            error={errorFor('confirmPassword')}
          />
          <Group>
            <Button type="submit" loading={mutation.isPending}>
              {t('account.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
