import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../../api/session.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { IntakeForm } from './IntakeForm.js';

/** 新規受理 (intake.write): the counter form, with a draft kept per user. */
export function NewConsultationPage() {
  const { t } = useTranslation();
  const session = useSession();
  if (!session) return null;
  return (
    <Stack gap="md">
      <PageHeading title={t('intake.form.title')} />
      <IntakeForm userId={session.user.id} />
    </Stack>
  );
}
