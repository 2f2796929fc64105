import { Button, Group, Modal, Stack, Text, Title } from '@mantine/core';
import { useBlocker } from '@tanstack/react-router';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { OneTimeSecret } from '../../components/OneTimeSecret.js';

interface RecoveryCodesProps {
  codes: readonly string[];
  onDone: () => void;
}

/** The recovery codes, once. Leaving the page before 「完了」 asks first; so does closing the tab. */
export function RecoveryCodes({ codes, onDone }: RecoveryCodesProps) {
  const { t } = useTranslation();
  /** Set by 「完了」 so the navigation that follows is not blocked. */
  const finished = useRef(false);
  const blocker = useBlocker({
    shouldBlockFn: () => !finished.current,
    enableBeforeUnload: () => !finished.current,
    withResolver: true,
  });
  const finish = () => {
    finished.current = true;
    onDone();
  };
  return (
    <Stack gap="md">
      <Title order={3} size="h4">
        {t('account.recovery.title')}
      </Title>
      <OneTimeSecret
        label={t('account.recovery.title')}
        values={codes}
        warning={t('account.recovery.warning')}
        downloadName="renkei-recovery-codes.txt"
        acknowledgement={t('account.recovery.ack')}
        onDone={finish}
      >
        <Text size="sm">{t('account.recovery.body')}</Text>
      </OneTimeSecret>
      <Modal opened={blocker.status === 'blocked'} onClose={() => blocker.reset?.()} title={t('account.recovery.leaveTitle')} centered>
        <Stack gap="md">
          <Text size="sm">{t('account.recovery.leaveBody')}</Text>
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={() => blocker.reset?.()} data-autofocus>
              {t('account.recovery.stay')}
            </Button>
            <Button color="red" onClick={() => blocker.proceed?.()}>
              {t('account.recovery.leave')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
