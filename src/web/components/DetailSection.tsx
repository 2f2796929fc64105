import { Group, Paper, Stack, Title } from '@mantine/core';
import { type ReactNode, useId } from 'react';
import { highlightStyle, useHashTarget } from '../lib/useHashTarget.js';

interface DetailSectionProps {
  title: string;
  /** Buttons beside the title. */
  actions?: ReactNode;
  children: ReactNode;
  /** An anchor a link may open the page at (`#timeline`); the section then scrolls into view, highlighted. */
  anchor?: string;
  /** The heading level under the page's own (a record page's blocks are 3 under its sections, a case's 2). */
  order?: 2 | 3;
}

/** A titled block of a record's page (a consultation, a case), a region named by its title. */
export function DetailSection({ title, actions, children, anchor, order = 3 }: DetailSectionProps) {
  const id = useId();
  const target = useHashTarget(anchor ?? '');
  const active = anchor !== undefined && target.active;
  return (
    <Paper
      withBorder
      p="md"
      component="section"
      aria-labelledby={id}
      id={anchor}
      ref={anchor ? target.ref : undefined}
      tabIndex={anchor ? -1 : undefined}
      data-highlighted={active || undefined}
      style={active ? highlightStyle : undefined}
    >
      <Stack gap="sm">
        <Group justify="space-between" gap="sm" wrap="wrap">
          <Title order={order} size="h4" id={id}>
            {title}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
    </Paper>
  );
}
