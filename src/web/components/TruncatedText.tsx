import { Text, type TextProps, Tooltip } from '@mantine/core';

interface TruncatedTextProps extends TextProps {
  children: string;
  /** Lines shown before the text is cut (1: one line ending in …). */
  lines?: number;
}

/**
 * A value too long for its column, cut with … on one line (or a few) and shown whole in a tooltip
 * and to screen readers, instead of wrapping a word in the middle or widening the table.
 * `data-full-text` tells the page check (scripts/browser-pages.mjs) the whole text is at hand.
 */
export function TruncatedText({ children, lines = 1, ...props }: TruncatedTextProps) {
  return (
    <Tooltip label={children} multiline maw={480} openDelay={300} withinPortal>
      <Text
        {...props}
        {...(lines === 1 ? { truncate: 'end' as const } : { lineClamp: lines })}
        data-full-text={children}
        style={{ maxWidth: '100%' }}
      >
        {children}
      </Text>
    </Tooltip>
  );
}
