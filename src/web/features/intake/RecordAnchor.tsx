import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

interface RecordAnchorProps extends AnchorProps {
  recordId: string;
  children: ReactNode;
  id?: string;
}

/** A text link to /intake/:id, rendered by the router's Link. */
export function RecordAnchor({ recordId, children, ...anchorProps }: RecordAnchorProps) {
  return (
    <Anchor {...anchorProps} renderRoot={(props) => <Link to="/intake/$id" params={{ id: recordId }} {...props} />}>
      {children}
    </Anchor>
  );
}
