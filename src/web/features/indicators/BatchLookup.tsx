import { Button, Group, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IndicatorType, indicatorTypeSchema } from '../../../contracts/indicators.contracts.js';
import { useSession } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { hasPermission } from '../../lib/permissions.js';
import { type AnnotatedHit, EXTRACT_MAX_CHARS, extractIndicators, LOOKUP_BATCH_MAX, type LookupResultItem, lookupBatch } from './api.js';
import { BatchResultsTable } from './BatchResultsTable.js';
import { parseLines, toLookupItems, uniqueHits } from './batch.js';
import { HitsTable } from './HitsTable.js';
import { useIndicatorTypeOptions } from './labels.js';

type Result = { kind: 'lines'; items: LookupResultItem[]; duplicates: number } | { kind: 'text'; hits: AnnotatedHit[] };

/** 一括照会: one value per line of one type, or 「文章から抽出して照会」 for pasted text (indicators.extract). */
export function BatchLookup() {
  const { t } = useTranslation();
  const typeOptions = useIndicatorTypeOptions();
  const canExtract = hasPermission(useSession()?.user, 'indicators.extract');
  const [text, setText] = useState('');
  const [type, setType] = useState<IndicatorType | null>(null);
  const [textError, setTextError] = useState<string | undefined>();
  const [typeError, setTypeError] = useState<string | undefined>();
  const [result, setResult] = useState<Result | null>(null);

  const lookup = useMutation({ mutationFn: lookupBatch, meta: { success: false } });
  const extract = useMutation({ mutationFn: extractIndicators, meta: { success: false } });
  const pending = lookup.isPending || extract.isPending;

  const runLines = () => {
    extract.reset();
    const parsed = parseLines(text);
    let nextTextError: string | undefined;
    if (!parsed.ok) {
      if (parsed.error === 'empty') nextTextError = t('indicators.batch.empty');
      else if (parsed.error === 'tooMany')
        nextTextError = t('indicators.batch.tooMany', { max: LOOKUP_BATCH_MAX.toLocaleString(), count: parsed.count });
      else nextTextError = t('indicators.batch.tooLong', { line: parsed.line });
    }
    setTextError(nextTextError);
    setTypeError(type ? undefined : t('indicators.lookup.typeRequired'));
    if (!parsed.ok || !type) return;
    lookup.mutate(toLookupItems(type, parsed.values), {
      onSuccess: (items) => setResult({ kind: 'lines', items, duplicates: parsed.duplicates }),
    });
  };

  const runText = () => {
    lookup.reset();
    setTypeError(undefined);
    const body = text.trim();
    const error = !body ? t('indicators.batch.empty') : text.length > EXTRACT_MAX_CHARS ? t('indicators.batch.textTooLong') : undefined;
    setTextError(error);
    if (error) return;
    extract.mutate(text, { onSuccess: (hits) => setResult({ kind: 'text', hits: uniqueHits(hits) }) });
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('indicators.batch.heading')}
      </Title>
      <Text size="sm">{t('indicators.batch.intro')}</Text>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          runLines();
        }}
        noValidate
      >
        <Stack gap="sm">
          <Textarea
            label={t('indicators.batch.input')}
            autosize
            minRows={6}
            maxRows={16}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            error={textError}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            spellCheck={false}
          />
          <Group align="flex-end" gap="sm">
            <Select
              label={t('indicators.batch.type')}
              placeholder={t('common.choose')}
              data={typeOptions}
              value={type}
              onChange={(next) => {
                const parsed = indicatorTypeSchema.safeParse(next);
                setType(parsed.success ? parsed.data : null);
              }}
              searchable
              allowDeselect={false}
              nothingFoundMessage={t('common.nothingFound')}
              error={typeError}
              w={{ base: '100%', sm: 320 }}
            />
            <Button type="submit" loading={lookup.isPending} disabled={pending && !lookup.isPending}>
              {t('indicators.batch.submit')}
            </Button>
            {canExtract && (
              <Button variant="outline" onClick={runText} loading={extract.isPending} disabled={pending && !extract.isPending}>
                {t('indicators.batch.extract')}
              </Button>
            )}
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {lookup.isError && <ErrorAlert error={lookup.error} title={t('indicators.batch.failed')} />}
        {extract.isError && <ErrorAlert error={extract.error} title={t('indicators.batch.extractFailed')} />}
      </div>
      {result?.kind === 'lines' && (
        <Stack gap="xs">
          {result.duplicates > 0 && (
            <Text size="sm" c="dimmed">
              {t('indicators.batch.duplicates', { count: result.duplicates })}
            </Text>
          )}
          <BatchResultsTable items={result.items} />
        </Stack>
      )}
      {result?.kind === 'text' &&
        (result.hits.length === 0 ? (
          <Text>{t('indicators.batch.noHits')}</Text>
        ) : (
          <Stack gap="xs">
            <Text fw={700}>{t('indicators.batch.extractSummary', { count: result.hits.length })}</Text>
            <HitsTable hits={result.hits} canOpenDetail />
          </Stack>
        ))}
    </Stack>
  );
}
