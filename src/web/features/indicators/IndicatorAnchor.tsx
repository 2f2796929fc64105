import { Anchor, type AnchorProps } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

interface IndicatorAnchorProps extends AnchorProps {
  indicatorId: number;
  children: ReactNode;
  'aria-label'?: string;
}

/** A text link to /indicators/:id, rendered by the router's Link (client-side navigation, preload). */
export function IndicatorAnchor({ indicatorId, children, ...anchorProps }: IndicatorAnchorProps) {
  return (
    <Anchor {...anchorProps} renderRoot={(props) => <Link to="/indicators/$id" params={{ id: String(indicatorId) }} {...props} />}>
      {children}
    </Anchor>
  );
}
