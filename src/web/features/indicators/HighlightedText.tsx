import { Box, Stack, Text, Tooltip } from '@mantine/core';
import { type CSSProperties, Fragment, type ReactNode, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExtractionHit } from '../../../contracts/indicators.contracts.js';
import { useDisplayValue } from '../../components/IndicatorValue.js';
import classes from './HighlightedText.module.css';
import { buildHighlightTree, type HighlightNode } from './highlight.js';
import { type FamilyStyle, familyOf, familyStyle, useIndicatorTypeLabel } from './labels.js';
import { useWarningListNames } from './useWarningListNames.js';

/** What the component needs of a hit; extraction results fit as they are. */
export type HighlightableHit = Pick<ExtractionHit, 'type' | 'value' | 'raw' | 'start' | 'end' | 'defanged' | 'attributes'> & {
  warnings?: readonly string[];
  known?: { recordCount: number } | null;
};

/** Element id of a hit's first span, so other parts of the page can move focus to it. */
export function hitElementId(idPrefix: string, hitIndex: number): string {
  return `${idPrefix}-hit-${hitIndex}`;
}

/** CSS variables of a type family: light background, stronger nested background, underline colour and style. */
export function familyVars(style: FamilyStyle): CSSProperties {
  return {
    '--hl-bg': `var(--mantine-color-${style.color}-0)`,
    '--hl-bg-strong': `var(--mantine-color-${style.color}-1)`,
    '--hl-line': `var(--mantine-color-${style.color}-8)`,
    '--hl-style': style.underline,
  } as CSSProperties;
}

interface HighlightedTextProps {
  /** The original text; hit offsets are UTF-16 indexes into it. */
  text: string;
  hits: readonly HighlightableHit[];
  /** Prefix for element ids (see hitElementId); generated when absent. */
  idPrefix?: string;
  /** Accessible name of the text region. */
  label?: string;
  /** Height after which the text scrolls. */
  mah?: number;
}

/**
 * The text with every hit marked: a colour and an underline style per type family, the type and
 * canonical value on hover and keyboard focus (and as the accessible description), and
 * 「無害化表記」 on defanged hits. Nested hits (a domain inside its URL) are drawn inside each other.
 */
export function HighlightedText({ text, hits, idPrefix, label, mah = 480 }: HighlightedTextProps) {
  const { t } = useTranslation();
  const { text: valueText } = useDisplayValue();
  const typeLabel = useIndicatorTypeLabel();
  const listName = useWarningListNames();
  const generated = useId();
  const prefix = idPrefix ?? `hl${generated.replace(/[^a-zA-Z0-9_-]/g, '')}`;
  const tree = useMemo(() => buildHighlightTree(text.length, hits), [text, hits]);
  /** Key of the span whose tooltip is open: only the innermost one under the pointer or focus. */
  const [active, setActive] = useState<string | null>(null);

  const warningsText = (ids: readonly string[]) =>
    t('indicators.highlight.warnings', { names: ids.map(listName).join(t('indicators.highlight.listSeparator')) });
  const descriptionId = (hitIndex: number) => `${prefix}-desc-${hitIndex}`;
  const describe = (hit: HighlightableHit) => {
    const parts: string[] = [
      t('indicators.highlight.describe', { type: typeLabel(hit.type), value: valueText(hit.type, hit.value, hit.attributes) }),
    ];
    if (hit.defanged) parts.push(t('indicators.defanged'));
    if (hit.known) parts.push(t('indicators.recordCount', { count: hit.known.recordCount }));
    if (hit.warnings && hit.warnings.length > 0) parts.push(warningsText(hit.warnings));
    return parts.join(t('indicators.highlight.separator'));
  };

  const pick = (target: EventTarget | null) => {
    const mark = target instanceof Element ? target.closest<HTMLElement>('mark[data-fragment]') : null;
    setActive(mark?.dataset.fragment ?? null);
  };

  /** `insideDefanged`: an enclosing hit already carries the 「無害化表記」 tag; the nested one does not repeat it. */
  const renderNodes = (nodes: readonly HighlightNode[], insideDefanged = false): ReactNode =>
    nodes.map((node) => {
      if (node.kind === 'text') return <Fragment key={`t${node.start}`}>{text.slice(node.start, node.end)}</Fragment>;
      const hit = hits[node.hitIndex];
      if (!hit) return null;
      const family = familyOf[hit.type];
      const key = `${node.hitIndex}:${node.start}`;
      const last = node.end >= Math.min(hit.end, text.length);
      return (
        <Tooltip
          key={key}
          opened={active === key}
          inline
          multiline
          maw={360}
          withArrow
          label={
            <Stack gap={2}>
              <Text size="xs" fw={700}>
                {typeLabel(hit.type)}
                {hit.defanged ? `（${t('indicators.defanged')}）` : ''}
              </Text>
              <Text size="xs" style={{ overflowWrap: 'anywhere' }}>
                {valueText(hit.type, hit.value, hit.attributes)}
              </Text>
              <Text size="xs" ff="monospace" style={{ overflowWrap: 'anywhere' }}>
                {hit.value}
              </Text>
              {hit.known && <Text size="xs">{t('indicators.recordCount', { count: hit.known.recordCount })}</Text>}
              {hit.warnings && hit.warnings.length > 0 && <Text size="xs">{warningsText(hit.warnings)}</Text>}
            </Stack>
          }
        >
          <mark
            id={node.continued ? undefined : hitElementId(prefix, node.hitIndex)}
            className={classes.mark}
            style={familyVars(familyStyle[family])}
            data-family={family}
            data-fragment={key}
            data-active={active === key || undefined}
            // biome-ignore lint/a11y/noNoninteractiveTabindex: each hit takes focus so keyboard users get its type and value (tooltip, description)
            tabIndex={0}
            aria-describedby={descriptionId(node.hitIndex)}
          >
            {renderNodes(node.children, insideDefanged || hit.defanged)}
            {hit.defanged && last && !insideDefanged && (
              <span className={classes.defanged} aria-hidden>
                {t('indicators.defanged')}
              </span>
            )}
          </mark>
        </Tooltip>
      );
    });

  return (
    <>
      <Box
        component="section"
        aria-label={label ?? t('indicators.highlight.regionLabel')}
        // Scrollable region: focusable so keyboard users can scroll it even without hits.
        tabIndex={0}
        mah={mah}
        p="md"
        style={{ overflowY: 'auto', border: '1px solid var(--mantine-color-gray-4)', borderRadius: 'var(--mantine-radius-md)' }}
        onMouseOver={(event) => pick(event.target)}
        onMouseLeave={() => setActive(null)}
        onFocus={(event) => pick(event.target)}
        onBlur={() => setActive(null)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') setActive(null);
        }}
      >
        <p className={classes.text}>{renderNodes(tree)}</p>
      </Box>
      <div hidden>
        {hits.map((hit, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: hits are identified by their position in the list
          <span key={index} id={descriptionId(index)}>
            {describe(hit)}
          </span>
        ))}
      </div>
    </>
  );
}

/** Legend of the type families: the same colour and underline as in the text, with the family name. */
export function HighlightLegend() {
  const { t } = useTranslation();
  const families = Object.entries(familyStyle) as [keyof typeof familyStyle, FamilyStyle][];
  return (
    <Box
      component="ul"
      aria-label={t('indicators.extract.legend')}
      p={0}
      m={0}
      style={{ listStyle: 'none', display: 'flex', flexWrap: 'wrap', gap: 12 }}
    >
      {families.map(([family, style]) => (
        <li key={family}>
          <mark className={`${classes.mark} ${classes.sample}`} style={{ ...familyVars(style), cursor: 'default' }} data-family={family}>
            {t(`indicators.families.${family}`)}
          </mark>
        </li>
      ))}
    </Box>
  );
}
