import { Alert, Button, Checkbox, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError, isRetryable } from '../../../api/errors.js';
import { ErrorAlert } from '../../../components/ErrorAlert.js';
import { formatJst } from '../../../lib/datetime.js';
import { createConsultation, intakeKeys } from '../api.js';
import { CircumstanceFields } from './CircumstanceFields.js';
import { ClassificationFields } from './ClassificationFields.js';
import { DamageFields } from './DamageFields.js';
import { FormSection } from './FormSection.js';
import { focusFirstInvalid, submitKeys } from './keyboard.js';
import { NarrativeFields } from './NarrativeFields.js';
import { PartyFields } from './PartyFields.js';
import { ReceiptFields } from './ReceiptFields.js';
import { patch } from './section.js';
import { type FieldErrors, serverFieldErrors, toInput } from './toInput.js';
import { useDraftStore } from './useDraftStore.js';

/** The intake form. Input survives failures: only a saved record clears the draft. */
export function IntakeForm({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const store = useDraftStore(userId);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { draft, update } = store;
  const create = useMutation({ mutationFn: createConsultation, meta: { success: t('intake.toast.created') } });
  const discard = () => {
    store.discard();
    setErrors({});
    create.reset();
  };

  const submit = () => {
    if (create.isPending) return;
    const result = toInput(draft, (key) => t(`intake.form.errors.${key}`));
    if ('errors' in result) {
      setErrors(result.errors);
      focusFirstInvalid(formRef.current);
      return;
    }
    setErrors({});
    create.mutate(result.input, {
      onSuccess: ({ id }) => {
        store.clear();
        void queryClient.invalidateQueries({ queryKey: intakeKeys.all });
        void navigate({ to: '/intake/$id', params: { id } });
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        setErrors(serverFieldErrors(error));
        focusFirstInvalid(formRef.current);
      },
    });
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    submit();
  };
  const section = { draft, update, errors };
  const hasFieldErrors = Object.keys(errors).length > 0;

  return (
    <form ref={formRef} onSubmit={onSubmit} onKeyDown={submitKeys(submit)} noValidate aria-label={t('intake.form.title')}>
      <Stack gap="lg">
        {store.restoredAt && (
          <Alert color="blue" variant="light" title={t('intake.form.restoredTitle')}>
            <Group justify="space-between" gap="sm">
              <Text size="sm">{t('intake.form.restored', { at: formatJst(store.restoredAt) })}</Text>
              <Group gap="xs">
                <Button size="xs" variant="outline" color="red" onClick={discard}>
                  {t('intake.form.discard')}
                </Button>
                <Button size="xs" variant="subtle" onClick={store.dismissNotice}>
                  {t('intake.form.keep')}
                </Button>
              </Group>
            </Group>
          </Alert>
        )}
        <Text size="sm">{t('intake.form.intro')}</Text>
        <FormSection title={t('intake.form.sections.receipt')}>
          <ReceiptFields {...section} />
        </FormSection>
        <FormSection title={t('intake.form.sections.parties')}>
          <PartyFields party="complainant" {...section} />
          <Checkbox
            label={t('intake.form.victimSame')}
            checked={draft.victimSameAsComplainant}
            onChange={(event) => patch(update, { victimSameAsComplainant: event.currentTarget.checked })}
          />
          {!draft.victimSameAsComplainant && <PartyFields party="victim" {...section} />}
        </FormSection>
        <FormSection title={t('intake.form.sections.narrative')}>
          <NarrativeFields {...section} />
        </FormSection>
        <FormSection title={t('intake.form.sections.classification')}>
          <ClassificationFields {...section} />
        </FormSection>
        <FormSection title={t('intake.form.sections.damage')}>
          <DamageFields {...section} />
        </FormSection>
        <FormSection title={t('intake.form.sections.circumstances')}>
          <CircumstanceFields {...section} />
        </FormSection>
        <Stack gap="sm" aria-live="polite">
          {hasFieldErrors && !create.isError && (
            <Alert color="red" variant="light" title={t('intake.form.fixErrors')}>
              <Text size="sm">{t('intake.form.fixErrorsBody')}</Text>
            </Alert>
          )}
          {create.isError && <ErrorAlert error={create.error} title={t('intake.form.saveFailed')} />}
          {create.isError && isRetryable(create.error) && <Text size="sm">{t('intake.form.keptForRetry')}</Text>}
        </Stack>
        <Group gap="md" align="center">
          <Button type="submit" size="md" loading={create.isPending}>
            {t('intake.form.submit')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('intake.form.shortcut')}
          </Text>
        </Group>
      </Stack>
    </form>
  );
}
