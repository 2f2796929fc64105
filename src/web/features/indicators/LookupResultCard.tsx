import { Alert, Button, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { IndicatorValue } from '../../components/IndicatorValue.js';
import type { LookupResultItem } from './api.js';
import { IndicatorFacts, mergeWarnings } from './IndicatorFacts.js';
import { InvalidValueBadge } from './InvalidValueBadge.js';
import { useIndicatorTypeLabel } from './labels.js';
import { TypeBadge } from './TypeBadge.js';
import { WarningsNotice } from './WarningsNotice.js';

/** Result of one lookup: the canonical value, warning lists, and the indicator's facts or 「未登録」. */
export function LookupResultCard({ item }: { item: LookupResultItem }) {
  const { t } = useTranslation();
  const typeLabel = useIndicatorTypeLabel();
  const headingId = useId();
  const { indicator } = item;
  const warnings = mergeWarnings(item.warnings, indicator?.warnings ?? []);
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={3} size="h4" id={headingId}>
            {t('indicators.lookup.resultHeading')}
          </Title>
          <TypeBadge type={item.type} />
        </Group>
        <Stack gap={4}>
          <Group gap="xs" align="center">
            <Text size="sm" fw={700}>
              {t('indicators.lookup.canonical')}
            </Text>
            {!item.valid && <InvalidValueBadge />}
          </Group>
          {item.valid && <IndicatorValue type={item.type} value={item.value} attributes={indicator?.attributes} size="md" />}
          <Code block fz="md" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {item.value}
          </Code>
          {item.query.trim() !== item.value && (
            <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
              {t('indicators.lookup.query')}: <Code>{item.query}</Code>
            </Text>
          )}
          {!item.valid && (
            <Text size="sm" c="orange.9">
              {t('indicators.lookup.invalidHint', { type: typeLabel(item.type) })}
            </Text>
          )}
        </Stack>
        <WarningsNotice ids={warnings} />
        {indicator ? (
          <>
            <IndicatorFacts indicator={indicator} warnings={warnings} />
            <div>
              <Button
                variant="outline"
                renderRoot={(props) => <Link to="/indicators/$id" params={{ id: String(indicator.id) }} {...props} />}
              >
                {t('indicators.openDetail')}
              </Button>
            </div>
          </>
        ) : (
          <Alert color="gray" variant="light" title={t('indicators.lookup.notFound')}>
            <Text size="sm">{t('indicators.lookup.notFoundBody')}</Text>
          </Alert>
        )}
      </Stack>
    </Paper>
  );
}
