import { Box, Text, UnstyledButton } from '@mantine/core';
import { formatJst } from '../../lib/datetime.js';
import type { Notification } from './api.js';

interface NotificationItemProps {
  notification: Notification;
  onOpen: (notification: Notification) => void;
}

/** One line of the bell's list: unread ones bold with a blue edge. */
export function NotificationItem({ notification, onOpen }: NotificationItemProps) {
  const unread = notification.readAt === null;
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
          {notification.title}
        </Text>
        {notification.body && (
          <Text size="xs" c="gray.8" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            {notification.body}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {formatJst(notification.createdAt)}
        </Text>
      </Box>
    </UnstyledButton>
  );
}
