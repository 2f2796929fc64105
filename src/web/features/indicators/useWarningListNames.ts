import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo } from 'react';
import { warningListName } from '../../../contracts/indicators.contracts.js';
import { useSession } from '../../api/session.js';
import { useLanguage } from '../../i18n/index.js';
import { hasPermission } from '../../lib/permissions.js';
import { warningListsQueryOptions } from './api.js';

/**
 * Name of a warning list from its id (`public-dns-v4`, `local:…`) in the UI language: the
 * catalogue is fetched once and cached. Unknown ids (a list deleted since, or a caller without
 * indicators.read) are shown as they are.
 */
export function useWarningListNames(): (id: string) => string {
  const canRead = hasPermission(useSession()?.user, 'indicators.read');
  const lng = useLanguage();
  const catalogue = useQuery({ ...warningListsQueryOptions, enabled: canRead });
  const byId = useMemo(() => new Map((catalogue.data ?? []).map((list) => [list.id, list])), [catalogue.data]);
  return useCallback(
    (id: string) => {
      const list = byId.get(id);
      return list ? warningListName(list, lng) : id;
    },
    [byId, lng],
  );
}
