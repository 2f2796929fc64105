import { Anchor, type AnchorProps, Text } from '@mantine/core';
import { useNavigate } from '@tanstack/react-router';
import type { MouseEvent } from 'react';

export interface RecordLabel {
  title: string;
  link: string;
}

/** A path inside this app ("/intake/…"); anything else (another origin, javascript:) is not linked. */
export const isAppPath = (link: string): boolean => link.startsWith('/') && !link.startsWith('//') && !link.startsWith('/\\');

/** Shortens a record title for a node caption: at most `max` characters, with 「…」 when cut. */
export function truncateTitle(title: string, max = 16): string {
  const chars = Array.from(title);
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : title;
}

/**
 * A record shown by how people know it (「2026-000123 宅配業者を装うSMS」), linked to its page.
 * Plain clicks navigate in the app; modified clicks (new tab, …) use the href as usual; `newTab`
 * always opens a new tab.
 */
export function RecordLink({ label, newTab = false, ...anchorProps }: AnchorProps & { label: RecordLabel; newTab?: boolean }) {
  const navigate = useNavigate();
  if (!isAppPath(label.link)) {
    return (
      <Text span size="sm" style={{ overflowWrap: 'anywhere' }}>
        {label.title}
      </Text>
    );
  }
  if (newTab) {
    // From the intake form: the record opens beside it, so nothing typed is left behind.
    return (
      <Anchor size="sm" style={{ overflowWrap: 'anywhere' }} {...anchorProps} href={label.link} target="_blank" rel="noopener">
        {label.title}
      </Anchor>
    );
  }
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    void navigate({ href: label.link });
  };
  return (
    <Anchor size="sm" style={{ overflowWrap: 'anywhere' }} {...anchorProps} href={label.link} onClick={onClick}>
      {label.title}
    </Anchor>
  );
}
