import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../contracts/indicators.contracts.js';
import { useDisplayValue } from '../../components/IndicatorValue.js';
import { TypeBadge } from './TypeBadge.js';

/** Type label, the value as people write it as the page heading, the canonical form below, and a copy button for it. */
export function IndicatorHeader({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 3000 });
  const { display, text } = useDisplayValue();
  const shown = display(indicator.type, indicator.value, indicator.attributes);
  // The heading reads as valueText (the page's title, IndicatorDetailPage), its note dimmed.
  const note = text(indicator.type, indicator.value, indicator.attributes).slice(shown.text.length);
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <TypeBadge type={indicator.type} size="lg" />
      </Group>
      <Group gap="md" align="flex-start" wrap="nowrap">
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Title order={1} size="h3" style={{ overflowWrap: 'anywhere' }}>
            {shown.text}
            {note && (
              <Text span inherit c="dimmed" fw={400}>
                {note}
              </Text>
            )}
          </Title>
          {shown.text !== indicator.value && (
            <Text size="sm" c="dimmed" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
              {indicator.value}
            </Text>
          )}
        </Stack>
        <Button variant="outline" size="sm" onClick={() => clipboard.copy(indicator.value)} style={{ flexShrink: 0 }}>
          {t('indicators.detail.copy')}
        </Button>
      </Group>
      <Text size="sm" c={clipboard.error ? 'red.8' : 'green.8'} aria-live="polite" mih={20}>
        {clipboard.error ? t('common.copyFailed') : clipboard.copied ? t('common.copied') : ''}
      </Text>
    </Stack>
  );
}
