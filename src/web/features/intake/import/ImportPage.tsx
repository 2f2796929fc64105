import { Button, Checkbox, FileInput, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DetailSection } from '../../../components/DetailSection.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { PageLoader } from '../../../components/PageLoader.js';
import { formatBytes, readAsBase64 } from '../../../lib/files.js';
import { intakeKeys } from '../api.js';
import { IMPORT_MAX_BYTES, type ImportRequest, type Mapping, previewImport, runImport } from './api.js';
import { ImportOutcome } from './ImportOutcome.js';
import { MappingTable } from './MappingTable.js';
import { PreviewSummary } from './PreviewSummary.js';

/**
 * 取り込み (intake.import): a register CSV is read in the browser, previewed by the server
 * (encoding, rows, suggested mapping), checked, and imported in one go.
 */
export function ImportPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [content, setContent] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [skipInvalid, setSkipInvalid] = useState(false);
  const preview = useMutation({ mutationFn: previewImport, meta: { success: false }, onSuccess: (data) => setMapping(data.mapping) });
  const run = useMutation({
    mutationFn: (body: ImportRequest) => runImport(body),
    onSuccess: (_result, body) => {
      if (!body.dryRun) void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
    },
  });
  // Once imported, the same file is not offered again (a second click would import it twice).
  const imported = run.isSuccess && !run.variables.dryRun;

  const choose = async (next: File | null) => {
    setFile(next);
    setContent(null);
    setFileError(null);
    preview.reset();
    run.reset();
    if (!next) return;
    if (next.size > IMPORT_MAX_BYTES) {
      setFileError(t('intake.import.tooLarge', { size: formatBytes(next.size) }));
      return;
    }
    try {
      const base64 = await readAsBase64(next);
      setContent(base64);
      preview.mutate(base64);
    } catch {
      setFileError(t('intake.import.readFailed'));
    }
  };
  const changeMapping = (next: Mapping) => {
    setMapping(next);
    run.reset();
  };
  const start = (dryRun: boolean) => content && run.mutate({ content, mapping, skipInvalid, dryRun });
  const used = Object.values(mapping).filter(Boolean);
  const duplicated = new Set(used).size !== used.length;

  return (
    <Stack gap="md">
      <PageHeading title={t('intake.import.title')} />
      <Text size="sm">{t('intake.import.intro')}</Text>
      <FileInput
        label={t('intake.import.file')}
        description={t('intake.import.fileHint')}
        placeholder={t('intake.import.placeholder')}
        accept=".csv,text/csv"
        clearable
        value={file}
        onChange={(next) => void choose(next)}
        error={fileError}
        maw={520}
      />
      {preview.isPending && <PageLoader />}
      {preview.isError && <ErrorAlert error={preview.error} title={t('intake.import.previewFailed')} hideDetails />}
      {preview.isSuccess && (
        <>
          <DetailSection title={t('intake.import.contentTitle')}>
            <PreviewSummary preview={preview.data} />
          </DetailSection>
          <DetailSection title={t('intake.import.mappingTitle')}>
            <Text size="sm">{t('intake.import.mappingIntro')}</Text>
            <MappingTable preview={preview.data} mapping={mapping} onChange={changeMapping} disabled={imported || run.isPending} />
          </DetailSection>
          <Stack gap="sm" aria-live="polite">
            <Checkbox
              label={t('intake.import.skipInvalid')}
              description={t('intake.import.skipInvalidHint')}
              checked={skipInvalid}
              disabled={imported || run.isPending}
              onChange={(event) => {
                setSkipInvalid(event.currentTarget.checked);
                run.reset();
              }}
            />
            <Group gap="sm">
              <Button
                variant="outline"
                onClick={() => start(true)}
                disabled={imported || duplicated || run.isPending}
                loading={run.isPending && run.variables.dryRun}
              >
                {t('intake.import.check')}
              </Button>
              <Button
                onClick={() => start(false)}
                disabled={imported || duplicated || run.isPending}
                loading={run.isPending && !run.variables.dryRun}
              >
                {t('intake.import.run')}
              </Button>
            </Group>
            <ImportOutcome result={run.data} dryRun={run.variables?.dryRun ?? false} error={run.error} fields={preview.data.fields} />
          </Stack>
        </>
      )}
    </Stack>
  );
}
