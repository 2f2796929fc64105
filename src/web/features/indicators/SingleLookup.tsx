import { Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type IndicatorType, indicatorTypeSchema, lookupItemSchema } from '../../../contracts/indicators.contracts.js';
import { isRetryable } from '../../api/errors.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { invalidFields } from '../../lib/zodIssues.js';
import { LOOKUP_VALUE_MAX, lookupQueryOptions } from './api.js';
import { LookupResultCard } from './LookupResultCard.js';
import { useIndicatorTypeOptions } from './labels.js';

interface Query {
  type: IndicatorType;
  value: string;
}

/** One value of a chosen type, as officers type it (090-1234-5678, hxxp://…, 全角). */
export function SingleLookup() {
  const { t } = useTranslation();
  const typeOptions = useIndicatorTypeOptions();
  const [type, setType] = useState<IndicatorType | null>(null);
  const [value, setValue] = useState('');
  const [invalid, setInvalid] = useState<ReadonlySet<string>>(new Set());
  const [query, setQuery] = useState<Query | null>(null);
  const result = useQuery({ ...lookupQueryOptions(query?.type ?? 'url', query?.value ?? ''), enabled: query !== null });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const parsed = lookupItemSchema.safeParse({ type, value: value.trim() });
    if (!parsed.success) {
      setInvalid(invalidFields(parsed.error));
      return;
    }
    setInvalid(new Set());
    if (query && query.type === parsed.data.type && query.value === parsed.data.value) void result.refetch();
    else setQuery(parsed.data);
  };

  return (
    <Stack gap="md">
      <Title order={2} size="h3">
        {t('indicators.lookup.heading')}
      </Title>
      <Text size="sm">{t('indicators.lookup.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Group align="flex-start" gap="sm">
          <Select
            label={t('indicators.type')}
            placeholder={t('common.choose')}
            data={typeOptions}
            value={type}
            onChange={(next) => {
              const parsed = indicatorTypeSchema.safeParse(next);
              setType(parsed.success ? parsed.data : null);
            }}
            searchable
            required
            allowDeselect={false}
            nothingFoundMessage={t('common.nothingFound')}
            error={invalid.has('type') ? t('indicators.lookup.typeRequired') : undefined}
            w={{ base: '100%', sm: 280 }}
          />
          <TextInput
            label={t('indicators.lookup.value')}
            required
            maxLength={LOOKUP_VALUE_MAX}
            value={value}
            onChange={(e) => setValue(e.currentTarget.value)}
            error={invalid.has('value') ? t('indicators.lookup.valueRequired') : undefined}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            autoComplete="off"
            spellCheck={false}
            style={{ flex: 1, minWidth: 240 }}
          />
          <Button type="submit" mt={{ base: 0, sm: 28 }} loading={result.isFetching}>
            {t('indicators.lookup.submit')}
          </Button>
        </Group>
      </form>
      <div aria-live="polite">
        {query && result.isPending && <PageLoader />}
        {result.isError && (
          <ErrorAlert
            error={result.error}
            title={t('indicators.lookup.failed')}
            onRetry={isRetryable(result.error) ? () => void result.refetch() : undefined}
          />
        )}
        {result.isSuccess && result.data && <LookupResultCard item={result.data} />}
      </div>
    </Stack>
  );
}
