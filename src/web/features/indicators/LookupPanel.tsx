import { Stack } from '@mantine/core';
import { BatchLookup } from './BatchLookup.js';
import { SingleLookup } from './SingleLookup.js';

/** 照会: one value with its result card, then the batch lookup. */
export function LookupPanel() {
  return (
    <Stack gap="xl">
      <SingleLookup />
      <BatchLookup />
    </Stack>
  );
}
