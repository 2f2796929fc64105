import { Modal } from '@mantine/core';
import { type ComponentProps, useRef } from 'react';
import { OneTimeSecret } from './OneTimeSecret.js';

type SecretProps = Omit<ComponentProps<typeof OneTimeSecret>, 'onDone'>;

type OneTimeSecretModalProps = SecretProps & {
  opened: boolean;
  title: string;
  onDone: () => void;
};

/**
 * OneTimeSecret in a modal that only its done button closes (no Escape, no click outside,
 * no close button): the secret cannot be dismissed by accident before it was kept.
 */
export function OneTimeSecretModal({ opened, title, onDone, ...secret }: OneTimeSecretModalProps) {
  // The parent clears the secret as it closes; keep showing the last one during the exit transition.
  const shown = useRef<SecretProps & { title: string }>({ ...secret, title });
  if (opened) shown.current = { ...secret, title };
  const { title: shownTitle, ...shownSecret } = shown.current;
  return (
    <Modal
      opened={opened}
      onClose={() => undefined}
      title={shownTitle}
      centered
      size="lg"
      withCloseButton={false}
      closeOnEscape={false}
      closeOnClickOutside={false}
    >
      <OneTimeSecret {...shownSecret} onDone={onDone} />
    </Modal>
  );
}
