import { Box, Text, UnstyledButton } from '@mantine/core';
import { useLanguage } from '../../i18n/index.js';
import { formatJst } from '../../lib/datetime.js';
import type { Notification } from './api.js';

interface NotificationItemProps {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}

/** One line of the bell's list: unread ones bold with a blue edge. */
export function NotificationItem({ notification, onOpen }: NotificationItemProps) {
  const unread = notification.readAt === null;
  // In English, the English form the server stored with the notice (older notices have none).
  const english = useLanguage() === 'en' && notification.titleEn !== null;
  const title = english ? notification.titleEn : notification.title;
  const body = english ? notification.bodyEn : notification.body;
  return (
    <UnstyledButton
      onClick={() => onOpen(notification)}
      w="100%"
      px="sm"
      py={8}
      style={{
        borderInlineStart: `4px solid ${unread ? 'var(--mantine-color-blue-8)' : 'transparent'}`,
        background: unread ? 'var(--mantine-color-blue-0)' : undefined,
        borderRadius: 4,
      }}
    >
      <Box>
        <Text size="sm" fw={unread ? 700 : 400} style={{ overflowWrap: 'anywhere' }}>
          {title}
        </Text>
        {body && (
          <Text size="xs" c="gray.8" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {body}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {formatJst(notification.createdAt)}
        </Text>
      </Box>
    </UnstyledButton>
  );
}
