import { Title, type TitleProps } from '@mantine/core';
import { useDocumentTitle } from '../lib/useDocumentTitle.js';

interface PageHeadingProps extends Omit<TitleProps, 'children' | 'order'> {
  /** The page's name: shown as its heading and used as the browser tab's title. */
  title: string;
  /** 1 when the page has no area heading above it; 2 under an area's h1 (相談受理, アカウント設定). */
  order?: 1 | 2;
}

/**
 * A page's visible heading and the document title from one string, so the tab, the history and a
 * screen reader's page list say what the page itself says.
 */
export function PageHeading({ title, order = 2, size, ...rest }: PageHeadingProps) {
  useDocumentTitle(title);
  return (
    <Title order={order} size={size ?? (order === 1 ? 'h2' : 'h3')} {...rest}>
      {title}
    </Title>
  );
}
