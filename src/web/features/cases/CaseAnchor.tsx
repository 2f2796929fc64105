import { Anchor } from '@mantine/core';
import { Link } from '@tanstack/react-router';
import type { ReactNode } from 'react';

/** A text link to /cases/:id, rendered by the router's Link (so it preloads and stays in the app). */
export function CaseAnchor({ caseId, children }: { caseId: string; children: ReactNode }) {
  return <Anchor renderRoot={(props) => <Link to="/cases/$id" params={{ id: caseId }} {...props} />}>{children}</Anchor>;
}
