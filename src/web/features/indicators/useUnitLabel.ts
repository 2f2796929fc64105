import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.js';
import { hasPermission } from '../../lib/permissions.js';
import { unitsQueryOptions, useUnitName } from '../admin/index.js';

/** Unit id → name in the UI language (GET /api/org/units); the id itself when units cannot be read. */
export function useUnitLabel(): (unitId: string | null) => string {
  const { t } = useTranslation();
  const user = useSession()?.user;
  const units = useQuery({ ...unitsQueryOptions, enabled: hasPermission(user, 'org.units.read') });
  const unitName = useUnitName();
  const byId = useMemo(() => new Map((units.data ?? []).map((unit) => [unit.id, unit])), [units.data]);
  return (unitId) => {
    if (unitId === null) return t('indicators.unitUnknown');
    const unit = byId.get(unitId);
    return unit ? unitName(unit) : unitId;
  };
}
