import { Anchor, Grid, Group, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { roleScopes } from '../../../../contracts/permissions.contracts.js';
import { isApiError, isRetryable } from '../../../api/errors.js';
import { useSession } from '../../../api/session.js';
import { DetailSection } from '../../../components/DetailSection.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { hasPermission } from '../../../lib/permissions.js';
import { useDocumentTitle } from '../../../lib/useDocumentTitle.js';
import { ConsultationCases, OpenCaseAction } from '../../cases/index.js';
import { RelatedNotices } from '../../indicators/index.js';
import { detailQueryOptions } from '../api.js';
import { DamageSection } from './DamageSection.js';
import { DetailHeader } from './DetailHeader.js';
import { EscalationsSection } from './EscalationsSection.js';
import { EvidenceSection } from './EvidenceSection.js';
import { NarrativeSection } from './NarrativeSection.js';
import { PartiesSection } from './PartiesSection.js';
import { ReceiptSection } from './ReceiptSection.js';
import { ShareAction } from './ShareAction.js';
import { StatusForm } from './StatusForm.js';
import { TimelineSection } from './TimelineSection.js';

/**
 * One record (intake.read): what came in, who, the narrative, evidence files, related records, reports
 * to サイバー課 and 経過; the owning unit may share it with another unit.
 */
export function ConsultationDetailPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const session = useSession();
  const detail = useQuery(detailQueryOptions(id));
  // The same words as the heading (DetailHeader: 受理番号 件名).
  useDocumentTitle(detail.data ? `${detail.data.refNo} ${detail.data.summary}` : t('intake.detail.title'));
  const user = session?.user;
  const canWrite = hasPermission(user, 'intake.write');

  if (detail.isPending) return <PageLoader />;
  if (detail.isError) {
    const notFound = isApiError(detail.error) && detail.error.status === 404;
    return (
      <Stack gap="sm">
        <ErrorAlert error={detail.error} onRetry={isRetryable(detail.error) ? () => void detail.refetch() : undefined} />
        {notFound && (
          <Anchor component={Link} to="/intake">
            {t('intake.detail.backToList')}
          </Anchor>
        )}
      </Stack>
    );
  }
  const record = detail.data;
  // Only the owning unit (or a prefecture-wide role) edits; units a record was shared with only read it.
  const canEdit = canWrite && user !== undefined && (roleScopes[user.role] === 'prefecture' || record.owningUnitId === user.unit.id);
  // 事件化 is the case side's decision (cases.write), whoever owns the consultation; the server checks it is readable.
  const canOpenCase = hasPermission(user, 'cases.write');
  const actions =
    canEdit || canOpenCase ? (
      <Group gap="sm">
        {canOpenCase && <OpenCaseAction consultationId={record.id} summary={record.summary} />}
        {canEdit && <ShareAction detail={record} />}
      </Group>
    ) : undefined;
  return (
    <Stack gap="md">
      <DetailHeader detail={record} actions={actions} />
      <ConsultationCases consultationId={record.id} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 7 }}>
          <Stack gap="md">
            {record.related.length > 0 && (
              <DetailSection title={t('intake.detail.sections.related')}>
                <RelatedNotices related={record.related} />
              </DetailSection>
            )}
            <ReceiptSection detail={record} />
            <PartiesSection detail={record} />
            <DamageSection detail={record} />
            <NarrativeSection detail={record} canEdit={canEdit} />
            <EvidenceSection id={record.id} canEdit={canEdit} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 5 }}>
          <Stack gap="md">
            {canEdit && <StatusForm key={record.version} detail={record} onReload={() => void detail.refetch()} />}
            <EscalationsSection detail={record} canWrite={canEdit} />
            <TimelineSection detail={record} canWrite={canEdit} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
