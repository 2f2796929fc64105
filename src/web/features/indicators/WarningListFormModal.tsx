import { Alert, Button, Group, List, Modal, NativeSelect, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  WARNING_LIST_ENTRIES_MAX,
  WARNING_LIST_ENTRY_MAX,
  WARNING_LIST_NAME_MAX,
  type WarningListInfo,
  type WarningListKind,
  warningListKindLabels,
  warningListKindSchema,
} from '../../../contracts/indicators.contracts.js';
import { isApiError } from '../../api/errors.js';
import { useErrorText } from '../../api/useErrorText.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useLocalized } from '../../i18n/index.js';
import { createWarningList, indicatorKeys, type LocalWarningListDetail, localWarningListQueryOptions, updateWarningList } from './api.js';

/** Server answers that belong under the entries rather than in an alert. */
const ENTRY_ERRORS: ReadonlySet<string> = new Set(['indicators.warninglist_invalid', 'indicators.warninglist_empty']);
const STALE = 'indicators.warninglist_stale';

interface WarningListFormModalProps {
  /** The local list to edit; null adds a new one. */
  list: WarningListInfo | null;
  onClose: () => void;
  onSaved: () => void;
}

/**
 * Add a local warning list, or edit one: its entries are read fresh when the modal opens, and
 * the version read is sent back so an edit made meanwhile by someone else is not overwritten.
 */
export function WarningListFormModal({ list, onClose, onSaved }: WarningListFormModalProps) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      opened
      onClose={busy ? () => undefined : onClose}
      title={list ? t('indicators.warningLists.editTitle', { name: list.name }) : t('indicators.warningLists.createTitle')}
      centered
      size="xl"
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {list ? (
        <EditLoader id={list.id} onClose={onClose} onSaved={onSaved} onBusy={setBusy} />
      ) : (
        <WarningListForm detail={null} onClose={onClose} onSaved={onSaved} onBusy={setBusy} />
      )}
    </Modal>
  );
}

interface FormCallbacks {
  onClose: () => void;
  onSaved: () => void;
  onBusy: (busy: boolean) => void;
}

/** Reads the list with its entries; 「最新の内容を読み込む」 after a 409 reads it again and starts the form over. */
function EditLoader({ id, ...callbacks }: { id: string } & FormCallbacks) {
  const { t } = useTranslation();
  const detail = useQuery(localWarningListQueryOptions(id));
  /** Bumped after a reload, so the form starts over from what the server holds now. */
  const [round, setRound] = useState(0);
  if (detail.isPending) return <PageLoader />;
  if (detail.isError) {
    return (
      <Stack gap="md">
        <ErrorAlert error={detail.error} title={t('indicators.warningLists.loadFailed')} onRetry={() => void detail.refetch()} />
        <Group justify="flex-end">
          <Button variant="outline" onClick={callbacks.onClose}>
            {t('common.close')}
          </Button>
        </Group>
      </Stack>
    );
  }
  return (
    <WarningListForm
      key={round}
      detail={detail.data}
      focusEntries={round > 0}
      onReload={() => void detail.refetch().then((result) => result.isSuccess && setRound((value) => value + 1))}
      reloading={detail.isFetching}
      {...callbacks}
    />
  );
}

interface WarningListFormProps extends FormCallbacks {
  detail: LocalWarningListDetail | null;
  onReload?: () => void;
  reloading?: boolean;
  /** After a reload the button that had focus is gone: continue in the entries. */
  focusEntries?: boolean;
}

/** Lines as typed: blank ones are sent too, so the server's line numbers match the textarea. */
const splitLines = (text: string) => text.split(/\r\n|\r|\n/);

function WarningListForm({ detail, onClose, onSaved, onBusy, onReload, reloading = false, focusEntries = false }: WarningListFormProps) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const entriesRef = useRef<HTMLTextAreaElement>(null);
  // The version this form started from: a background read must not turn an edit of old entries into an overwrite.
  const [version] = useState(detail?.version ?? null);
  const [name, setName] = useState(detail?.name ?? '');
  const [kind, setKind] = useState<WarningListKind>(detail?.kind ?? 'hostname');
  const [text, setText] = useState(detail ? detail.entries.join('\n') : '');
  const [nameError, setNameError] = useState<string | undefined>();
  const [entriesError, setEntriesError] = useState<string | undefined>();

  useEffect(() => {
    if (focusEntries) entriesRef.current?.focus();
  }, [focusEntries]);

  const lines = splitLines(text);
  const filled = lines.filter((line) => line.trim() !== '').length;

  const save = useMutation({
    mutationFn: () => {
      const body = { name: name.trim(), kind, entries: lines };
      return detail ? updateWarningList({ id: detail.id, body: { ...body, version: version ?? 1 } }) : createWarningList(body);
    },
    onMutate: () => onBusy(true),
    onSettled: () => onBusy(false),
    onSuccess: (saved) => {
      queryClient.removeQueries({ queryKey: indicatorKeys.warningList(saved.id), exact: true });
      void queryClient.invalidateQueries({ queryKey: indicatorKeys.warningLists, exact: true });
      onSaved();
    },
    onError: (error) => {
      if (isApiError(error) && ENTRY_ERRORS.has(error.code)) entriesRef.current?.focus();
      // Someone else changed or deleted the list: the table should show what is there now.
      if (isApiError(error) && (error.code === STALE || error.status === 404)) {
        void queryClient.invalidateQueries({ queryKey: indicatorKeys.warningLists, exact: true });
      }
    },
  });
  const serverError = save.isError ? save.error : null;
  const entryError = isApiError(serverError) && ENTRY_ERRORS.has(serverError.code) ? serverError : null;
  const stale = isApiError(serverError) && serverError.code === STALE;

  /** What the browser can tell before sending: a name, at least one entry, and no overlong line. */
  const validate = () => {
    const nextName = name.trim() ? undefined : t('auth.required', { field: t('indicators.warningLists.fields.name') });
    let nextEntries: string | undefined;
    const longIndex = lines.findIndex((line) => line.length > WARNING_LIST_ENTRY_MAX);
    if (filled === 0) nextEntries = t('indicators.warningLists.entriesRequired');
    else if (lines.length > WARNING_LIST_ENTRIES_MAX)
      nextEntries = t('indicators.warningLists.entriesTooMany', { max: WARNING_LIST_ENTRIES_MAX });
    else if (longIndex >= 0) nextEntries = t('indicators.warningLists.entryTooLong', { line: longIndex + 1, max: WARNING_LIST_ENTRY_MAX });
    setNameError(nextName);
    setEntriesError(nextEntries);
    return { nameOk: !nextName, entriesOk: !nextEntries };
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (save.isPending || stale) return;
    const { nameOk, entriesOk } = validate();
    if (!entriesOk && nameOk) entriesRef.current?.focus();
    if (nameOk && entriesOk) save.mutate();
  };

  const kindOptions = warningListKindSchema.options.map((value) => ({ value, label: localized(warningListKindLabels[value]) }));
  const shownEntriesError = entriesError ?? (entryError ? errorText(entryError) : undefined);
  const details = entryError?.details ?? [];

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <TextInput
          label={t('indicators.warningLists.fields.name')}
          description={t('indicators.warningLists.fields.nameHint')}
          required
          maxLength={WARNING_LIST_NAME_MAX}
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError}
          data-autofocus
        />
        <NativeSelect
          label={t('indicators.warningLists.fields.kind')}
          description={t('indicators.warningLists.fields.kindHint')}
          data={kindOptions}
          value={kind}
          onChange={(event) => {
            const parsed = warningListKindSchema.safeParse(event.currentTarget.value);
            if (parsed.success) setKind(parsed.data);
          }}
          w={{ base: '100%', sm: 420 }}
        />
        <Stack gap={4}>
          <Textarea
            ref={entriesRef}
            label={t('indicators.warningLists.fields.entries')}
            description={t('indicators.warningLists.fields.entriesHint')}
            placeholder={t(`indicators.warningLists.placeholders.${kind}`)}
            required
            autosize
            minRows={8}
            maxRows={18}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            error={
              shownEntriesError && details.length > 0 ? (
                <>
                  {shownEntriesError}
                  <List size="xs" mt={4} aria-label={t('indicators.warningLists.lineErrors')}>
                    {details.map((item) => (
                      <List.Item key={`${item.path}:${item.message}`}>{item.message}</List.Item>
                    ))}
                  </List>
                </>
              ) : (
                shownEntriesError
              )
            }
            // The line errors are a list, which a <p> cannot hold.
            errorProps={{ component: 'div' }}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            spellCheck={false}
            autoCapitalize="off"
            autoCorrect="off"
          />
          <Text size="sm" c="dimmed" aria-live="polite">
            {t('indicators.warningLists.lineCount', { count: filled })}
          </Text>
        </Stack>
        {serverError && !entryError && (
          <ErrorAlert
            error={serverError}
            title={stale ? t('indicators.warningLists.staleTitle') : t('indicators.warningLists.saveFailed')}
          />
        )}
        {stale && onReload && (
          <Alert color="yellow" variant="light">
            <Stack gap="xs" align="flex-start">
              <Text size="sm">{t('indicators.warningLists.reloadHint')}</Text>
              <Button variant="outline" onClick={onReload} loading={reloading}>
                {t('indicators.warningLists.reload')}
              </Button>
            </Stack>
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="outline" onClick={onClose} disabled={save.isPending}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending} disabled={stale}>
            {detail ? t('common.save') : t('indicators.warningLists.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
