import { Button, Divider, Group, Indicator, Popover, ScrollArea, Stack, Text, UnstyledButton } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { safeRedirectPath } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { markRead, type Notification, notificationKeys, notificationsQueryOptions } from './api.js';
import { BellIcon } from './BellIcon.js';
import { NotificationItem } from './NotificationItem.js';

const SHOWN = 20;

/** The header bell: unread count, the latest notifications (opening one marks it read and follows its link), 「すべて既読」. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [opened, setOpened] = useState(false);
  const list = useQuery(notificationsQueryOptions);
  const read = useMutation({
    mutationFn: markRead,
    meta: { success: false },
    onSettled: () => queryClient.invalidateQueries({ queryKey: notificationKeys.all }),
  });
  const unread = list.data?.unread ?? 0;
  const items = (list.data?.items ?? []).slice(0, SHOWN);

  const open = (notification: Notification) => {
    if (notification.readAt === null) read.mutate([notification.id]);
    setOpened(false);
    const target = safeRedirectPath(notification.link);
    if (target) void navigate({ href: target });
  };

  return (
    // The count sits outside the popover's target, so the button (not a wrapper) gets aria-expanded.
    <Indicator label={unread > 99 ? '99+' : unread} size={18} color="red" disabled={unread === 0} offset={4}>
      <Popover opened={opened} onChange={setOpened} position="bottom-end" width={380} shadow="md" withArrow trapFocus returnFocus>
        <Popover.Target>
          <UnstyledButton
            onClick={() => setOpened((current) => !current)}
            aria-label={unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button')}
            aria-expanded={opened}
            aria-haspopup="dialog"
            p={6}
            style={{ borderRadius: 6, display: 'inline-flex' }}
          >
            <BellIcon />
          </UnstyledButton>
        </Popover.Target>
        <Popover.Dropdown p={0} role="dialog" aria-label={t('notifications.title')}>
          <Group justify="space-between" px="sm" py={8}>
            <Text fw={700}>{t('notifications.title')}</Text>
            <Button
              size="compact-xs"
              variant="subtle"
              onClick={() => read.mutate(undefined)}
              disabled={unread === 0}
              loading={read.isPending}
            >
              {t('notifications.markAll')}
            </Button>
          </Group>
          <Divider />
          {list.isError && <ErrorAlert error={list.error} />}
          {read.isError && <ErrorAlert error={read.error} />}
          {list.isSuccess && items.length === 0 ? (
            <Text size="sm" c="dimmed" p="sm">
              {t('notifications.empty')}
            </Text>
          ) : (
            <ScrollArea.Autosize mah={420} type="auto">
              <Stack gap={2} p={4}>
                {items.map((notification) => (
                  <NotificationItem key={notification.id} notification={notification} onOpen={open} />
                ))}
              </Stack>
            </ScrollArea.Autosize>
          )}
        </Popover.Dropdown>
      </Popover>
    </Indicator>
  );
}
