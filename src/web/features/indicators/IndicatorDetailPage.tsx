import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { isRetryable } from '../../api/errors.js';
import { useSession } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useDisplayValue } from '../../components/IndicatorValue.js';
import { NoPermission } from '../../components/NoPermission.js';
import { PageLoader } from '../../components/PageLoader.js';
import { hasPermission } from '../../lib/permissions.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { indicatorDetailQueryOptions } from './api.js';
import { ClusterSection } from './ClusterSection.js';
import { IndicatorFacts } from './IndicatorFacts.js';
import { IndicatorHeader } from './IndicatorHeader.js';
import { SightingsTable } from './SightingsTable.js';
import { useUnitLabel } from './useUnitLabel.js';
import { WarningsNotice } from './WarningsNotice.js';

/** The id from the URL, when it is a positive integer (the API's rule). */
function parseId(id: string): number | null {
  if (!/^\d{1,15}$/.test(id)) return null;
  const n = Number(id);
  return n > 0 ? n : null;
}

/** /indicators/:id — facts, visible sightings, a count of hidden ones, and the cluster graph. */
export function IndicatorDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const { text: valueText } = useDisplayValue();
  const unitLabel = useUnitLabel();
  const sightingsHeadingId = useId();
  const canRead = hasPermission(useSession()?.user, 'indicators.read');
  const indicatorId = parseId(id);
  const detail = useQuery({ ...indicatorDetailQueryOptions(indicatorId ?? 0), enabled: canRead && indicatorId !== null });
  const indicator = detail.data?.indicator;
  // What the heading says (IndicatorHeader): the value as people write it.
  useDocumentTitle(indicator ? valueText(indicator.type, indicator.value, indicator.attributes) : t('indicators.title'));

  const back = (
    <div>
      <Anchor component={Link} to="/indicators" size="sm">
        ← {t('indicators.detail.back')}
      </Anchor>
    </div>
  );

  if (!canRead || indicatorId === null) {
    return (
      <Stack gap="lg" maw={1200}>
        {back}
        <Title order={1} size="h2">
          {t('indicators.title')}
        </Title>
        {canRead ? (
          <Alert color="gray" variant="light">
            <Text size="sm">{t('indicators.detail.invalidId')}</Text>
          </Alert>
        ) : (
          <NoPermission />
        )}
      </Stack>
    );
  }

  return (
    <Stack gap="lg" maw={1200}>
      {back}
      {detail.isPending && <PageLoader />}
      {detail.isError && (
        <>
          <Title order={1} size="h2">
            {t('indicators.title')}
          </Title>
          <ErrorAlert error={detail.error} onRetry={isRetryable(detail.error) ? () => void detail.refetch() : undefined} />
        </>
      )}
      {detail.isSuccess && !indicator && (
        <>
          <Title order={1} size="h2">
            {t('indicators.title')}
          </Title>
          {/* No record the reader may read holds it: its value stays hidden, only a count is told. */}
          <Alert color="blue" variant="light" title={t('indicators.detail.hiddenTitle')}>
            <Text size="sm">{t('indicators.detail.hidden', { count: detail.data.hiddenRecords })}</Text>
          </Alert>
        </>
      )}
      {detail.isSuccess && indicator && (
        <>
          <IndicatorHeader indicator={indicator} />
          <WarningsNotice ids={indicator.warnings} />
          <Stack gap="sm" component="section" aria-label={t('indicators.detail.facts')}>
            <Title order={2} size="h3">
              {t('indicators.detail.facts')}
            </Title>
            <IndicatorFacts indicator={indicator} warnings={indicator.warnings} />
          </Stack>
          <Stack gap="sm" component="section" aria-labelledby={sightingsHeadingId}>
            <Title order={2} size="h3" id={sightingsHeadingId}>
              {t('indicators.detail.sightingsHeading')}
            </Title>
            {detail.data.hiddenRecords > 0 && (
              <Alert color="blue" variant="light" title={t('indicators.detail.hiddenTitle')}>
                <Text size="sm">{t('indicators.detail.hidden', { count: detail.data.hiddenRecords })}</Text>
              </Alert>
            )}
            {detail.data.sightings.length === 0 ? (
              <Text>{t('indicators.detail.sightingsEmpty')}</Text>
            ) : (
              <>
                <Text size="sm" c="dimmed">
                  {t('indicators.detail.sightingsShown', { count: detail.data.sightings.length })}
                </Text>
                <SightingsTable sightings={detail.data.sightings} unitLabel={unitLabel} />
              </>
            )}
          </Stack>
          <ClusterSection indicator={indicator} sightings={detail.data.sightings} />
        </>
      )}
    </Stack>
  );
}
