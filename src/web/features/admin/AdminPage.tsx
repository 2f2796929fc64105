import { Stack, Tabs, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.js';
import { NoPermission } from '../../components/NoPermission.js';
import { canOpenAdmin } from '../../lib/permissions.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { AuditPanel } from './audit/AuditPanel.js';
import { JobsPanel } from './JobsPanel.js';
import { type AdminTab, visibleAdminTabs } from './tabs.js';
import { UnitsPanel } from './units/UnitsPanel.js';
import { UsersPanel } from './users/UsersPanel.js';

const panels: Record<AdminTab, () => ReactNode> = {
  users: () => <UsersPanel />,
  units: () => <UnitsPanel />,
  audit: () => <AuditPanel />,
  jobs: () => <JobsPanel />,
};

interface AdminPageProps {
  /** From the URL (?tab=), so a tab can be linked and survives reload. */
  tab: AdminTab | undefined;
  onTabChange: (tab: AdminTab) => void;
}

/** システム管理: one tab per area the user may see. */
export function AdminPage({ tab, onTabChange }: AdminPageProps) {
  const { t } = useTranslation();
  const user = useSession()?.user;
  useDocumentTitle(t('admin.title'));
  const tabs = canOpenAdmin(user) ? visibleAdminTabs(user) : [];
  const active = tab && tabs.includes(tab) ? tab : tabs[0];

  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('admin.title')}
      </Title>
      {active === undefined ? (
        <NoPermission />
      ) : (
        <Tabs
          value={active}
          onChange={(value) => {
            const next = tabs.find((candidate) => candidate === value);
            if (next) onTabChange(next);
          }}
          keepMounted={false}
        >
          <Tabs.List>
            {tabs.map((value) => (
              <Tabs.Tab key={value} value={value}>
                {t(`admin.tabs.${value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map((value) => (
            <Tabs.Panel key={value} value={value} pt="md">
              {panels[value]()}
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
