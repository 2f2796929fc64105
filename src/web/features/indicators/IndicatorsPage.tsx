import { Stack, Tabs, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.js';
import { NoPermission } from '../../components/NoPermission.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { ExtractPanel } from './ExtractPanel.js';
import { LookupPanel } from './LookupPanel.js';
import { type IndicatorTab, visibleIndicatorTabs } from './tabs.js';
import { WarningListsPanel } from './WarningListsPanel.js';

const panels: Record<IndicatorTab, () => ReactNode> = {
  lookup: () => <LookupPanel />,
  extract: () => <ExtractPanel />,
  warninglists: () => <WarningListsPanel />,
};

interface IndicatorsPageProps {
  /** From the URL (?tab=), so a tab can be linked and survives reload. */
  tab: IndicatorTab | undefined;
  onTabChange: (tab: IndicatorTab) => void;
}

/** 指標・相関分析: 照会 and 警告リスト (indicators.read), 抽出 (indicators.extract). */
export function IndicatorsPage({ tab, onTabChange }: IndicatorsPageProps) {
  const { t } = useTranslation();
  const user = useSession()?.user;
  useDocumentTitle(t('indicators.title'));
  const tabs = visibleIndicatorTabs(user);
  const active = tab && tabs.includes(tab) ? tab : tabs[0];

  return (
    <Stack gap="lg" maw={1200}>
      <Title order={1} size="h2">
        {t('indicators.title')}
      </Title>
      {active === undefined ? (
        <NoPermission />
      ) : (
        <>
          <Text maw={880}>{t('indicators.intro')}</Text>
          <Tabs
            value={active}
            onChange={(value) => {
              const next = tabs.find((candidate) => candidate === value);
              if (next) onTabChange(next);
            }}
            keepMounted={false}
          >
            <Tabs.List aria-label={t('indicators.tabs.label')}>
              {tabs.map((value) => (
                <Tabs.Tab key={value} value={value}>
                  {t(`indicators.tabs.${value}`)}
                </Tabs.Tab>
              ))}
            </Tabs.List>
            {tabs.map((value) => (
              <Tabs.Panel key={value} value={value} pt="lg">
                {panels[value]()}
              </Tabs.Panel>
            ))}
          </Tabs>
        </>
      )}
    </Stack>
  );
}
