import { Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { IndicatorRole } from '../../../../contracts/indicators.contracts.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { RelatedNotices } from '../../indicators/index.js';
import type { Preview } from '../api.js';
import { CandidateNotes } from './CandidateNotes.js';
import { type IndicatorKey, indicatorId } from './draft.js';
import { IndicatorChips } from './IndicatorChips.js';

interface PreviewPanelProps {
  preview: Preview | undefined;
  loading: boolean;
  error: unknown;
  excluded: readonly IndicatorKey[];
  onToggle: (key: IndicatorKey, include: boolean) => void;
  roles: readonly (IndicatorKey & { role: IndicatorRole })[];
  onRole: (key: IndicatorKey, role: IndicatorRole) => void;
}

/** Beside the narrative: what was found in it so far, and where else those values appear. */
export function PreviewPanel({ preview, loading, error, excluded, onToggle, roles, onRole }: PreviewPanelProps) {
  const { t } = useTranslation();
  const off = new Set(excluded.map(indicatorId));
  const related = (preview?.related ?? []).filter((notice) => !off.has(indicatorId(notice)));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="intake-preview-title" aria-busy={loading}>
      <Stack gap="sm">
        <Title order={4} size="h5" id="intake-preview-title">
          {t('intake.preview.title')} {loading && <Loader size="xs" ml={4} aria-hidden />}
        </Title>
        {error ? <ErrorAlert error={error} title={t('intake.preview.failed')} /> : null}
        {!preview || preview.hits.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('intake.preview.none')}
          </Text>
        ) : (
          <>
            <IndicatorChips
              hits={preview.hits.filter((hit) => !hit.status)}
              excluded={excluded}
              onToggle={onToggle}
              roles={roles}
              onRole={onRole}
            />
            <CandidateNotes hits={preview.hits.filter((hit) => hit.status)} />
          </>
        )}
        <div aria-live="polite">
          <RelatedNotices related={related} newTab />
        </div>
      </Stack>
    </Paper>
  );
}
