import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Indicator } from '../../../contracts/indicators.contracts.js';
import { TypeBadge } from './TypeBadge.js';

/** Type label, the canonical value as the page heading, and a copy button. */
export function IndicatorHeader({ indicator }: { indicator: Indicator }) {
  const { t } = useTranslation();
  const clipboard = useClipboard({ timeout: 3000 });
  return (
    <Stack gap="xs">
      <Group gap="xs">
        <TypeBadge type={indicator.type} size="lg" />
      </Group>
      <Group gap="md" align="flex-start" wrap="nowrap">
        <Title order={1} size="h3" ff="monospace" style={{ overflowWrap: 'anywhere', flex: 1, minWidth: 0 }}>
          {indicator.value}
        </Title>
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
