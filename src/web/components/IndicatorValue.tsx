import { Button, Group, type MantineSize, Text } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { type DisplayValue, displayValue, type ValueAttributes, valueText } from '../../contracts/indicators.display.js';

type Lang = 'ja' | 'en';
const lang = (lng: string): Lang => (lng === 'en' ? 'en' : 'ja');

/** The shared renderer (contracts/indicators.display.ts) in the UI's language. */
export function useDisplayValue(): {
  display: (type: string, value: string, attributes?: ValueAttributes) => DisplayValue;
  text: (type: string, value: string, attributes?: ValueAttributes) => string;
} {
  const { i18n } = useTranslation();
  const lng = lang(i18n.language);
  return {
    display: (type, value, attributes) => displayValue(type, value, attributes ?? {}, lng),
    text: (type, value, attributes) => valueText(type, value, attributes ?? {}, lng),
  };
}

interface IndicatorValueProps {
  type: string;
  /** The canonical value, as stored. */
  value: string;
  attributes?: ValueAttributes | undefined;
  size?: MantineSize;
  /** A copy button for the canonical form (off where the row already has one, or space is short). */
  copy?: boolean;
  /** Struck through: a value the officer left out. */
  struck?: boolean;
  /** Wraps the readable text, e.g. in a link to the indicator's page. */
  link?: (content: ReactNode) => ReactNode;
}

/**
 * An indicator value as people write it (050-5212-7788（IP電話）, 三菱UFJ銀行 新宿支店 普通 1234567,
 * hxxps://…[.]jp/…), the canonical form in its tooltip and on the copy button. Every page that
 * shows a value uses this, so a value reads the same in intake, indicators, clusters and notices.
 */
export function IndicatorValue({ type, value, attributes, size = 'sm', copy = true, struck = false, link }: IndicatorValueProps) {
  const { t, i18n } = useTranslation();
  const { display } = useDisplayValue();
  const clipboard = useClipboard({ timeout: 2000 });
  const d = display(type, value, attributes);
  const text = (
    <Text
      span
      size={size}
      ff={type === 'phone' || type === 'bankAccount' ? undefined : 'monospace'}
      td={struck ? 'line-through' : undefined}
      title={d.full ?? d.canonical}
      style={{ overflowWrap: 'anywhere' }}
      data-canonical={d.canonical}
    >
      {d.text}
    </Text>
  );
  return (
    <Group component="span" gap={4} wrap="nowrap" display="inline-flex" style={{ maxWidth: '100%', minWidth: 0 }}>
      {link ? link(text) : text}
      {d.note && (
        <Text span size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
          {lang(i18n.language) === 'en' ? `(${d.note})` : `（${d.note}）`}
        </Text>
      )}
      {copy && (
        <Button
          variant="subtle"
          size="compact-xs"
          color={clipboard.error ? 'red' : clipboard.copied ? 'green' : 'gray'}
          onClick={() => clipboard.copy(d.canonical)}
          aria-label={`${t('common.copy')}: ${d.canonical}`}
          title={clipboard.error ? t('common.copyFailed') : d.canonical}
          style={{ flexShrink: 0 }}
        >
          {clipboard.copied ? t('common.copied') : t('common.copy')}
        </Button>
      )}
    </Group>
  );
}
