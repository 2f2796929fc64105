import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { type ReactNode, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

interface ConfirmModalProps {
  opened: boolean;
  title: string;
  /** What will happen, in plain words. */
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** Red confirm button for actions that lock people out or cannot be undone. */
  danger?: boolean;
  loading?: boolean;
  /** Error of the last attempt, shown above the buttons. */
  error?: unknown;
  errorTitle?: string;
}

/** Asks before a consequential action. Cancel has the initial focus, so Enter does not confirm by accident. */
export function ConfirmModal({
  opened,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  danger = false,
  loading = false,
  error,
  errorTitle,
}: ConfirmModalProps) {
  const { t } = useTranslation();
  // Callers clear what the text names as the modal closes; keep the last text during the exit transition.
  const shown = useRef({ title, children, confirmLabel });
  if (opened) shown.current = { title, children, confirmLabel };
  const body = shown.current.children;
  return (
    <Modal
      opened={opened}
      onClose={loading ? () => undefined : onCancel}
      title={shown.current.title}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Stack gap="md">
        {typeof body === 'string' ? <Text size="sm">{body}</Text> : body}
        {error !== undefined && error !== null && <ErrorAlert error={error} title={errorTitle} />}
        <Group justify="flex-end" gap="sm">
          <Button variant="outline" onClick={onCancel} disabled={loading} data-autofocus>
            {t('common.cancel')}
          </Button>
          <Button color={danger ? 'red' : undefined} onClick={onConfirm} loading={loading}>
            {shown.current.confirmLabel}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
