import { Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { isRetryable } from '../../../api/errors.js';
import { DetailSection } from '../../../components/DetailSection.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { EvidenceTable } from './EvidenceTable.js';
import { EvidenceUpload } from './EvidenceUpload.js';
import { evidenceQueryOptions } from './evidenceApi.js';

/** 証拠ファイル: what was attached, with hashes; whoever may edit the record may attach more. */
export function EvidenceSection({ id, canEdit }: { id: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const files = useQuery(evidenceQueryOptions(id));
  return (
    <DetailSection title={t('intake.evidence.title')}>
      {files.isPending && <PageLoader />}
      {files.isError && <ErrorAlert error={files.error} onRetry={isRetryable(files.error) ? () => void files.refetch() : undefined} />}
      {files.isSuccess &&
        (files.data.length === 0 ? <Text size="sm">{t('intake.evidence.empty')}</Text> : <EvidenceTable id={id} items={files.data} />)}
      {canEdit && <EvidenceUpload id={id} />}
      <Text size="xs" c="dimmed">
        {t('intake.evidence.note')}
      </Text>
    </DetailSection>
  );
}
