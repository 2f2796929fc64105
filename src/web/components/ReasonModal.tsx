import { Button, Group, type MantineSize, Modal, Stack, Text, Textarea } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from './ErrorAlert.js';

interface ReasonModalProps {
  title: string;
  /** What happens on submit, in plain words. */
  body: ReactNode;
  /** The text the person writes: a reason, guidance. */
  text: { label: string; description?: string; minRows: number; maxLength: number; requiredMessage: string };
  submitLabel: string;
  submitColor?: string;
  size?: MantineSize;
  /** Validate and send; returns whether the text itself was acceptable (to mark the field). */
  onSubmit: (text: string) => boolean;
  onClose: () => void;
  pending: boolean;
  /** Error of the last attempt, shown above the fields. */
  error: unknown;
  /** Fields before the text (they take the initial focus) and after it. */
  before?: ReactNode;
  after?: ReactNode;
  /**
   * Opened from inside another form (the intake form): React events cross the portal, so this
   * submit and Ctrl+Enter must not reach the outer form.
   */
  isolate?: boolean;
}

/**
 * The dialog every "why?" goes through: reveal personal data, ask for access, escalate, share,
 * send guidance. The reason is required and is written to the audit trail by the server.
 */
export function ReasonModal(p: ReasonModalProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (p.isolate) event.stopPropagation();
    setInvalid(!p.onSubmit(text));
  };
  return (
    <Modal
      opened
      onClose={p.pending ? () => undefined : p.onClose}
      title={p.title}
      centered
      size={p.size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit} onKeyDown={p.isolate ? (event) => event.stopPropagation() : undefined} noValidate>
        <Stack gap="md">
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {p.body}
          </Text>
          {p.error ? <ErrorAlert error={p.error} /> : null}
          {p.before}
          <Textarea
            label={p.text.label}
            description={p.text.description}
            required
            autosize
            minRows={p.text.minRows}
            maxLength={p.text.maxLength}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={invalid ? p.text.requiredMessage : undefined}
            data-autofocus={p.before ? undefined : true}
          />
          {p.after}
          <Group justify="flex-end" gap="sm">
            <Button variant="outline" onClick={p.onClose} disabled={p.pending}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={p.submitColor} loading={p.pending}>
              {p.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
