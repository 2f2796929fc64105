import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.js';
import { TabbedLayout } from '../../components/TabbedLayout.js';
import { visibleIndicatorTabs } from './tabs.js';

/** 指標・相関分析: 照会 and 警告リスト (indicators.read), 抽出 (indicators.extract), each a nested route. */
export function IndicatorsLayout() {
  const { t } = useTranslation();
  const user = useSession()?.user;
  const tabs = visibleIndicatorTabs(user).map((tab) => ({ to: `/indicators/${tab}`, label: t(`indicators.tabs.${tab}`) }));
  return (
    <TabbedLayout
      title={t('indicators.title')}
      tabs={tabs}
      intro={<Text maw={880}>{t('indicators.intro')}</Text>}
      label={t('indicators.tabs.label')}
      maw={1200}
    />
  );
}
