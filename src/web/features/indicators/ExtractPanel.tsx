import { Button, Group, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { hasPermission } from '../../lib/permissions.js';
import { type AnnotatedHit, EXTRACT_MAX_CHARS, extractIndicators } from './api.js';
import { HighlightedText, HighlightLegend, hitElementId } from './HighlightedText.js';
import { HitsTable } from './HitsTable.js';

interface Extraction {
  /** The text as sent: hit offsets refer to it, not to what is in the box now. */
  text: string;
  hits: AnnotatedHit[];
}

/** 抽出: paste a text, see every indicator in it highlighted and listed. Nothing is stored. */
export function ExtractPanel() {
  const { t } = useTranslation();
  const canRead = hasPermission(useSession()?.user, 'indicators.read');
  const idPrefix = `extract${useId().replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const [text, setText] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [extraction, setExtraction] = useState<Extraction | null>(null);
  const extract = useMutation({ mutationFn: extractIndicators, meta: { success: false } });

  const run = () => {
    if (extract.isPending) return;
    const message = !text.trim()
      ? t('indicators.extract.required')
      : text.length > EXTRACT_MAX_CHARS
        ? t('indicators.extract.tooLong')
        : undefined;
    setError(message);
    if (message) return;
    const sent = text;
    extract.mutate(sent, { onSuccess: (hits) => setExtraction({ text: sent, hits }) });
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    run();
  };

  const locate = (hitIndex: number) => {
    const element = document.getElementById(hitElementId(idPrefix, hitIndex));
    if (!element) return;
    element.scrollIntoView({ block: 'center' });
    element.focus({ preventScroll: true });
  };

  const defanged = extraction?.hits.filter((hit) => hit.defanged).length ?? 0;

  return (
    <Stack gap="lg">
      <Stack gap="xs">
        <Title order={2} size="h3">
          {t('indicators.extract.heading')}
        </Title>
        <Text size="sm">{t('indicators.extract.intro')}</Text>
      </Stack>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Textarea
            label={t('indicators.extract.input')}
            description={t('indicators.extract.shortcut')}
            placeholder={t('indicators.extract.placeholder')}
            autosize
            minRows={8}
            maxRows={20}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
                event.preventDefault();
                run();
              }
            }}
            error={error}
            required
          />
          <Group>
            <Button type="submit" loading={extract.isPending}>
              {t('indicators.extract.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      <div aria-live="polite">
        {extract.isError && <ErrorAlert error={extract.error} title={t('indicators.extract.failed')} />}
        {extraction && (
          <Text fw={700}>
            {extraction.hits.length === 0
              ? t('indicators.extract.noHits')
              : [
                  t('indicators.extract.summary', { count: extraction.hits.length }),
                  defanged > 0 ? t('indicators.extract.defangedCount', { count: defanged }) : '',
                ].join(' ')}
          </Text>
        )}
      </div>
      {extraction && extraction.hits.length > 0 && (
        <>
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('indicators.extract.textHeading')}
            </Title>
            <HighlightLegend />
            <HighlightedText text={extraction.text} hits={extraction.hits} idPrefix={idPrefix} />
          </Stack>
          <Stack gap="sm">
            <Title order={3} size="h4">
              {t('indicators.extract.tableHeading')}
            </Title>
            <HitsTable hits={extraction.hits} canOpenDetail={canRead} onLocate={locate} />
          </Stack>
        </>
      )}
    </Stack>
  );
}
