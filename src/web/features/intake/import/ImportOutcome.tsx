import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../../api/errors.js';
import { useErrorText } from '../../../api/useErrorText.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import type { ImportResult } from './api.js';
import { RowErrorsTable } from './RowErrorsTable.js';
import { rowErrorsFromDetails } from './rowErrors.js';

/** The server lists at most this many problems in a refusal. */
const DETAILS_SHOWN = 200;

interface ImportOutcomeProps {
  result: ImportResult | undefined;
  dryRun: boolean;
  error: unknown;
  fields: Record<string, string>;
}

/** What 「検査のみ」 or 「取り込む」 came to: the count imported, the rows left out, or why nothing was. */
export function ImportOutcome({ result, dryRun, error, fields }: ImportOutcomeProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  if (error) {
    if (!isApiError(error) || error.code !== 'intake.import_invalid') {
      // Encoding, malformed CSV, too many rows: the server's sentence says what to do.
      return <ErrorAlert error={error} title={t('intake.import.failed')} hideDetails />;
    }
    const rows = rowErrorsFromDetails(error.details);
    return (
      <Alert color="red" variant="light" title={t('intake.import.invalidTitle')} role="alert">
        <Stack gap="sm">
          <Text size="sm">{errorText(error)}</Text>
          <RowErrorsTable errors={rows} fields={fields} />
          {rows.length >= DETAILS_SHOWN && <Text size="sm">{t('intake.import.moreErrors', { n: rows.length })}</Text>}
        </Stack>
      </Alert>
    );
  }
  if (!result) return null;
  const withErrors = result.errors.length > 0;
  // A check that found bad rows is a warning; a finished import is a success, with the rows left out below.
  const color = dryRun && withErrors ? 'yellow' : 'green';
  const title = dryRun
    ? withErrors
      ? t('intake.import.checkedSkip', { rows: result.rows.toLocaleString('ja-JP'), skipped: result.skipped.toLocaleString('ja-JP') })
      : t('intake.import.checkedOk', { rows: result.rows.toLocaleString('ja-JP') })
    : t('intake.import.done', { imported: result.imported.toLocaleString('ja-JP'), skipped: result.skipped.toLocaleString('ja-JP') });
  return (
    <Alert color={color} variant="light" title={title} role="status">
      <Stack gap="sm">
        {!dryRun && (
          <Text size="sm">
            <Anchor component={Link} to="/intake">
              {t('intake.import.toList')}
            </Anchor>
            {`　${t('intake.import.another')}`}
          </Text>
        )}
        {withErrors && (
          <>
            <Text size="sm" fw={700}>
              {dryRun ? t('intake.import.errorsTitle') : t('intake.import.skippedTitle')}
            </Text>
            <RowErrorsTable errors={result.errors} fields={fields} />
          </>
        )}
      </Stack>
    </Alert>
  );
}
