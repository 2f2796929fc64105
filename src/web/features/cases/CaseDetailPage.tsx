import { Anchor, Button, Grid, Group, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseDetail } from '../../../contracts/cases.contracts.js';
import { intakeCategory } from '../../../contracts/intake.contracts.js';
import { roleScopes } from '../../../contracts/permissions.contracts.js';
import { isApiError, isRetryable } from '../../api/errors.js';
import { useSession } from '../../api/session.js';
import { DetailSection } from '../../components/DetailSection.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { FactTable } from '../../components/FactTable.js';
import { IndicatorValue } from '../../components/IndicatorValue.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useLocalized, useUnitName } from '../../i18n/index.js';
import { formatJst } from '../../lib/datetime.js';
import { formatYen } from '../../lib/money.js';
import { hasPermission } from '../../lib/permissions.js';
import { IndicatorAnchor, RelatedNotices } from '../indicators/index.js';
import { caseDetailQueryOptions, modusNamesQueryOptions } from './api.js';
import { CaseEditForm } from './CaseEditForm.js';
import { CaseLegal } from './CaseLegal.js';
import { CaseStatusBadge } from './CaseStatusBadge.js';
import { CaseStatusForm } from './CaseStatusForm.js';
import { CaseTasks } from './CaseTasks.js';
import { CaseTeam } from './CaseTeam.js';
import { CaseTimeline } from './CaseTimeline.js';
import { CaseWarrants } from './CaseWarrants.js';
import { RequestForm } from './RequestForm.js';
import { RequestTable } from './RequestTable.js';

/** 事件詳細 (cases.read): the case, the consultations it grew from, its result, and the status change. */
export function CaseDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const detail = useQuery(caseDetailQueryOptions(id));
  if (detail.isPending) return <PageLoader />;
  if (detail.isError) {
    // A case the officer may not read answers 404 like a missing one: its existence is not revealed.
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Stack gap="sm">
        <PageHeading title={t('cases.detail.title')} order={1} />
        <ErrorAlert error={detail.error} onRetry={isRetryable(detail.error) ? () => void detail.refetch() : undefined} />
        {notFound && (
          <Anchor component={Link} to="/cases">
            {t('cases.detail.backToList')}
          </Anchor>
        )}
      </Stack>
    );
  }
  return <CaseView detail={detail.data} onReload={() => void detail.refetch()} />;
}

function CaseView({ detail, onReload }: { detail: CaseDetail; onReload: () => void }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitName = useUnitName();
  const user = useSession()?.user;
  const modus = useQuery({ ...modusNamesQueryOptions, enabled: detail.modus !== null && hasPermission(user, 'intake.read') });
  const modusName = (code: string) => {
    const found = modus.data?.items.find((item) => item.code === code);
    return found ? localized(found) : code;
  };
  const canChange = hasPermission(user, 'cases.write') || hasPermission(user, 'cases.close');
  // The owning unit edits (the server also lets a prefecture-wide role); others only read.
  const canEdit =
    hasPermission(user, 'cases.write') &&
    user !== undefined &&
    (user.unit.id === detail.owningUnitId || roleScopes[user.role] === 'prefecture');
  const [editing, setEditing] = useState(false);
  const rows: [string, ReactNode][] = [
    [t('cases.fields.caseNo'), detail.caseNo],
    [t('cases.fields.status'), <CaseStatusBadge key="status" status={detail.status} />],
    [t('cases.fields.owningUnit'), unitName({ name: detail.owningUnitName, nameEn: detail.owningUnitNameEn })],
    [t('cases.fields.lead'), detail.leadName],
    [t('cases.fields.category'), detail.category ? localized(intakeCategory.labels[detail.category]) : '—'],
    [t('cases.fields.modus'), detail.modus ? modusName(detail.modus) : '—'],
    [
      t('cases.fields.damage'),
      detail.damage.counted === 0
        ? '—'
        : t('cases.fields.damageTotal', { amount: formatYen(detail.damage.total), n: detail.damage.counted }),
    ],
    [t('cases.fields.openedAt'), formatJst(detail.openedAt)],
    [t('cases.fields.updatedAt'), formatJst(detail.updatedAt)],
  ];
  const hasResult = detail.arrestedCount !== null || detail.referredOn !== null || detail.dropReason !== null;
  return (
    <Stack gap="md">
      <Group gap="sm" align="center">
        <CaseStatusBadge status={detail.status} size="lg" />
        <Anchor component={Link} to="/cases" size="sm">
          {t('cases.detail.backToList')}
        </Anchor>
      </Group>
      {/* 事件番号 and 件名, as the browser tab says them. */}
      <PageHeading title={`${detail.caseNo} ${detail.title}`} order={1} style={{ overflowWrap: 'anywhere' }} />
      <Text size="xs" c="dimmed">
        {t('common.jstNote')}
      </Text>
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            <DetailSection title={t('cases.detail.overview')} order={2}>
              <FactTable rows={rows} />
              {editing ? (
                <CaseEditForm key={detail.version} detail={detail} onDone={() => setEditing(false)} onReload={onReload} />
              ) : (
                <>
                  {detail.narrative && (
                    <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
                      {detail.narrative}
                    </Text>
                  )}
                  {canEdit && (
                    <Group>
                      <Button variant="light" size="compact-sm" onClick={() => setEditing(true)}>
                        {t('cases.edit.open')}
                      </Button>
                    </Group>
                  )}
                </>
              )}
            </DetailSection>
            <DetailSection title={t('cases.tasks.section')} anchor="tasks" order={2}>
              <CaseTasks detail={detail} canEdit={canEdit} />
            </DetailSection>
            <DetailSection title={t('cases.requests.section')} anchor="requests" order={2}>
              {detail.requests.length === 0 ? (
                <Text size="sm">{t('cases.requests.noneForCase')}</Text>
              ) : (
                <RequestTable requests={detail.requests} label={t('cases.requests.section')} />
              )}
              {canEdit && <RequestForm caseId={detail.id} />}
            </DetailSection>
            <DetailSection title={t('cases.legal.section')} anchor="legal" order={2}>
              <CaseLegal caseId={detail.id} canEdit={canEdit} canApprove={hasPermission(user, 'cases.legal.approve')} />
              <CaseWarrants caseId={detail.id} canEdit={canEdit} />
            </DetailSection>
            <DetailSection title={t('cases.detail.indicators')} order={2}>
              {detail.indicators.length === 0 ? (
                <Text size="sm">{t('cases.detail.noIndicators')}</Text>
              ) : (
                <List size="sm" spacing={4}>
                  {detail.indicators.map((i) => (
                    <List.Item key={i.id}>
                      <IndicatorValue
                        type={i.type}
                        value={i.value}
                        attributes={i.attributes}
                        link={(content) => <IndicatorAnchor indicatorId={i.id}>{content}</IndicatorAnchor>}
                      />
                    </List.Item>
                  ))}
                </List>
              )}
              {detail.related.length > 0 ? (
                <RelatedNotices related={detail.related} />
              ) : (
                detail.indicators.length > 0 && <Text size="sm">{t('cases.detail.noRelated')}</Text>
              )}
            </DetailSection>
            <DetailSection title={t('cases.timeline.section')} anchor="timeline" order={2}>
              <CaseTimeline detail={detail} />
            </DetailSection>
            <DetailSection title={t('cases.detail.consultations')} order={2}>
              {detail.consultations.length === 0 ? (
                <Text size="sm">{t('cases.detail.noConsultations')}</Text>
              ) : (
                <Stack gap={4}>
                  {detail.consultations.map((c) =>
                    c.readable ? (
                      <Anchor key={c.id} renderRoot={(props) => <Link to="/intake/$id" params={{ id: c.id }} {...props} />} size="sm">
                        {t('cases.detail.consultationLink', { at: formatJst(c.linkedAt) })}
                      </Anchor>
                    ) : (
                      // A unit the case was shared with reads the case, not the station's record.
                      <Text key={c.id} size="sm">
                        {t('cases.detail.consultationHidden', { at: formatJst(c.linkedAt) })}
                      </Text>
                    ),
                  )}
                </Stack>
              )}
            </DetailSection>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            <DetailSection title={t('cases.team.section')} anchor="team" order={2}>
              <CaseTeam detail={detail} canEdit={canEdit} />
            </DetailSection>
            <DetailSection title={t('cases.detail.result')} order={2}>
              {hasResult ? (
                <FactTable
                  rows={[
                    [
                      t('cases.fields.arrestedCount'),
                      detail.arrestedCount === null ? '—' : t('cases.fields.arrestedUnit', { n: detail.arrestedCount }),
                    ],
                    [t('cases.fields.referredOn'), detail.referredOn ?? '—'],
                    [t('cases.fields.dropReason'), detail.dropReason ?? '—'],
                  ]}
                />
              ) : (
                <Text size="sm">{t('cases.detail.noResult')}</Text>
              )}
            </DetailSection>
            {canChange && (
              <DetailSection title={t('cases.status.section')} order={2}>
                <CaseStatusForm key={detail.version} detail={detail} onReload={onReload} />
              </DetailSection>
            )}
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
