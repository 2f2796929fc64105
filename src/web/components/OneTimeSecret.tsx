import { Alert, Button, Checkbox, Code, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useClipboard } from '@mantine/hooks';
import { type ReactNode, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';

interface OneTimeSecretProps {
  /** Label of the value(s): 「APIトークン」, 「仮パスワード」, 「リカバリーコード」. */
  label: string;
  values: readonly string[];
  /** Why it matters and what to do with it; shown under the fixed "shown only once" warning. */
  warning: string;
  children?: ReactNode;
  /** File name for 「テキストファイルで保存」; no download button when absent. */
  downloadName?: string;
  /** Text of the acknowledgement checkbox that unlocks the done button. */
  acknowledgement: string;
  doneLabel?: string;
  onDone: () => void;
}

/**
 * A secret the server shows exactly once (API token, temporary password, recovery codes): a
 * warning, the value(s) in a copyable form, and a done button that needs an acknowledgement.
 */
export function OneTimeSecret({ label, values, warning, children, downloadName, acknowledgement, doneLabel, onDone }: OneTimeSecretProps) {
  const { t } = useTranslation();
  const [acknowledged, setAcknowledged] = useState(false);
  const labelId = useId();
  const clipboard = useClipboard({ timeout: 3000 });
  const text = values.join('\n');

  const download = () => {
    const url = URL.createObjectURL(new Blob([`${text}\n`], { type: 'text/plain;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = downloadName ?? 'secret.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="md">
      <Alert color="orange" variant="light" title={t('common.shownOnce')} role="alert">
        <Text size="sm">{warning}</Text>
      </Alert>
      {children}
      {values.length === 1 ? (
        <TextInput
          label={label}
          value={values[0]}
          readOnly
          ff="monospace"
          onFocus={(e) => e.currentTarget.select()}
          styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
        />
      ) : (
        <Stack gap="xs">
          <Text size="sm" fw={700} id={`${labelId}`}>
            {label}
          </Text>
          <SimpleGrid
            cols={{ base: 1, xs: 2 }}
            spacing="xs"
            component="ol"
            aria-labelledby={`${labelId}`}
            style={{ listStyle: 'none', padding: 0, margin: 0 }}
          >
            {values.map((value) => (
              <li key={value}>
                <Code fz="md" block>
                  {value}
                </Code>
              </li>
            ))}
          </SimpleGrid>
        </Stack>
      )}
      <Group gap="sm">
        <Button variant="outline" onClick={() => clipboard.copy(text)}>
          {values.length === 1 ? t('common.copy') : t('common.copyAll')}
        </Button>
        {downloadName && (
          <Button variant="outline" onClick={download}>
            {t('common.download')}
          </Button>
        )}
      </Group>
      <Text size="sm" c={clipboard.error ? 'red.8' : 'green.8'} aria-live="polite">
        {clipboard.error ? t('common.copyFailed') : clipboard.copied ? t('common.copied') : ''}
      </Text>
      <Checkbox label={acknowledgement} checked={acknowledged} onChange={(e) => setAcknowledged(e.currentTarget.checked)} />
      <Group justify="flex-end">
        <Button onClick={onDone} disabled={!acknowledged}>
          {doneLabel ?? t('common.done')}
        </Button>
      </Group>
    </Stack>
  );
}
