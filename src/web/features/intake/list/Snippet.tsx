import { Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MarkedText, type Marks } from './MarkedText.js';

/** A search hit in context, under the 件名: the passage with the matched words marked. */
export function Snippet({ text, marks }: { text: string; marks: Marks }) {
  const { t } = useTranslation();
  return (
    <Text size="xs" c="gray.8" mt={4} style={{ overflowWrap: 'anywhere' }}>
      <VisuallyHidden>{t('intake.list.snippetLabel')}</VisuallyHidden>
      <MarkedText text={text} marks={marks} />
    </Text>
  );
}
