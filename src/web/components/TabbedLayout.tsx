import { Stack, Tabs, Title } from '@mantine/core';
import { Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';
import { NoPermission } from './NoPermission.js';

export interface TabLink {
  /** The tab's own path (/admin/users): one navigation idiom for every domain, a tab is a nested route. */
  to: string;
  label: ReactNode;
}

interface TabbedLayoutProps {
  title: string;
  /** Only the tabs the user may open; none shows the no-permission notice instead of the page. */
  tabs: readonly TabLink[];
  intro?: ReactNode;
  /** Accessible name of the tab list. */
  label?: string;
  maw?: number;
}

/** A domain's title, its tabs (one per nested route) and the tab's page below (the route's Outlet). */
export function TabbedLayout({ title, tabs, intro, label, maw }: TabbedLayoutProps) {
  useDocumentTitle(title);
  const navigate = useNavigate();
  const pathname = useLocation({ select: (location) => location.pathname.replace(/\/+$/, '') });
  // A tab's sub-pages (/admin/users/42) keep the tab current.
  const active = tabs.find((tab) => pathname === tab.to || pathname.startsWith(`${tab.to}/`));
  return (
    <Stack gap="lg" maw={maw}>
      <Title order={1} size="h2">
        {title}
      </Title>
      {tabs.length === 0 ? (
        <NoPermission />
      ) : (
        <>
          {intro}
          <Tabs value={active?.to ?? null} onChange={(value) => value && void navigate({ to: value })}>
            <Tabs.List aria-label={label}>
              {tabs.map((tab) => (
                <Tabs.Tab key={tab.to} value={tab.to}>
                  {tab.label}
                </Tabs.Tab>
              ))}
            </Tabs.List>
          </Tabs>
          <Outlet />
        </>
      )}
    </Stack>
  );
}
