import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

interface RecordAnchorProps extends AnchorProps {
  recordId: string;
  children: ReactNode;
  /** Open in a new tab (from the intake form, so nothing typed is left behind). */
  newTab?: boolean;
  id?: string;
}

/** A text link to /intake/:id, rendered by the router's Link. */
export function RecordAnchor({ recordId, children, newTab = false, ...anchorProps }: RecordAnchorProps) {
  return (
    <Anchor
      {...anchorProps}
      renderRoot={(props) => (
        <Link
          to="/intake/$id"
          params={{ id: recordId }}
          target={newTab ? '_blank' : undefined}
          rel={newTab ? 'noopener' : undefined}
          {...props}
        />
      )}
    >
      {children}
    </Anchor>
  );
}
