import { Stack, Title } from '@mantine/core';
import { Outlet } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.js';
import { NoPermission } from '../../components/NoPermission.js';
import { canOpenIntake } from '../../lib/permissions.js';
import { IntakeNav } from './IntakeNav.js';

/** 相談受理: the area title, its tabs, and the page below. */
export function IntakeLayout() {
  const { t } = useTranslation();
  const user = useSession()?.user;
  return (
    <Stack gap="lg" maw={1280}>
      <Title order={1} size="h2">
        {t('intake.title')}
      </Title>
      {canOpenIntake(user) ? (
        <>
          <IntakeNav />
          <Outlet />
        </>
      ) : (
        <NoPermission />
      )}
    </Stack>
  );
}
