import { Alert, Button, List, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/errors.js';
import { useErrorText } from '../api/useErrorText.js';

interface ErrorAlertProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  /** Show only the message, not the field details (when they are technical, e.g. a CSV parser's). */
  hideDetails?: boolean;
}

/** Shows an API error for people: the message, field details, and the request ID for support. */
export function ErrorAlert({ error, title, onRetry, hideDetails }: ErrorAlertProps) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const details = isApiError(error) && !hideDetails ? (error.details ?? []) : [];
  const requestId = isApiError(error) ? error.requestId : undefined;
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert">
      <Stack gap="xs">
        <Text size="sm">{errorText(error)}</Text>
        {details.length > 0 && (
          <List size="sm">
            {details.map((d) => (
              <List.Item key={`${d.path}:${d.message}`}>{d.path ? `${d.path}: ${d.message}` : d.message}</List.Item>
            ))}
          </List>
        )}
        {requestId && (
          <Text size="xs" c="dimmed">
            {t('common.requestId', { id: requestId })}
          </Text>
        )}
        {onRetry && (
          <div>
            <Button size="xs" variant="outline" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </div>
        )}
      </Stack>
    </Alert>
  );
}
