import { useTranslation } from 'react-i18next';
import { useDisplayValue } from '../../components/IndicatorValue.js';
import type { Cluster } from './api.js';

/**
 * How a cluster's graph and table name a shared value: as people write it (050-5212-7788（IP電話）).
 * The server names only values held by two or more records the reader may read; any other id
 * (none is expected) stays 「指標#id」.
 */
export function useIndicatorLabel(
  cluster: Pick<Cluster, 'indicators'>,
  current: { id: number; type: string; value: string; attributes?: Record<string, string> | undefined },
): (id: number) => string {
  const { t } = useTranslation();
  const { text } = useDisplayValue();
  const byId = new Map(cluster.indicators.map((i) => [i.id, i]));
  byId.set(current.id, { ...current });
  return (id) => {
    const i = byId.get(id);
    return i ? text(i.type, i.value, i.attributes) : t('indicators.cluster.indicatorLabel', { id });
  };
}
