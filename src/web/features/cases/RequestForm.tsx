import { Button, Checkbox, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type RequestKind, requestChannel, requestKind } from '../../../contracts/requests.contracts.js';
import { useAppMutation } from '../../api/mutation.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useLocalized, useUnitName } from '../../i18n/index.js';
import { caseKeys } from './api.js';
import { createRequest, requestKeys, requestTargetsQueryOptions } from './requests.api.js';

type Field = 'unit' | 'title' | 'body' | 'country' | 'channel';

/**
 * 支援要請を送る (or, ticked, 外部から受けた依頼を記録): the kind, the unit asked (or, recording,
 * the outside unit that asked), 件名 and 依頼内容; 相手国 and 経路 for 国際捜査共助. Sent from a
 * case it names the case, which the unit asked may then read. Opens the request once sent.
 */
export function RequestForm({ caseId }: { caseId?: string }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitName = useUnitName();
  const navigate = useNavigate();
  const targets = useQuery(requestTargetsQueryOptions);
  const [kind, setKind] = useState<RequestKind>('support');
  const [inbound, setInbound] = useState(false);
  const [unit, setUnit] = useState('');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [country, setCountry] = useState('');
  const [channel, setChannel] = useState('');
  const [missing, setMissing] = useState<Field[]>([]);
  const send = useAppMutation({
    mutationFn: createRequest,
    invalidates: [requestKeys.all, caseKeys.all],
    success: (data) => t('cases.requests.sent', { requestNo: data.requestNo }),
    onSuccess: (data) => void navigate({ to: '/cases/requests/$id', params: { id: data.id } }),
  });
  const international = kind === 'international';
  const units = (targets.data?.items ?? []).filter((u) => !inbound || !u.inRenkei);
  const required = (f: Field) => (missing.includes(f) ? t('cases.status.required', { field: t(`cases.requests.fields.${f}`) }) : undefined);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const empty: Field[] = [];
    if (!unit) empty.push('unit');
    if (!title.trim()) empty.push('title');
    if (!body.trim()) empty.push('body');
    if (international && !country.trim()) empty.push('country');
    if (international && !channel) empty.push('channel');
    setMissing(empty);
    if (empty.length > 0) return;
    send.mutate({
      kind,
      ...(inbound ? { fromUnitId: unit } : { toUnitId: unit }),
      caseId: caseId ?? null,
      title: title.trim(),
      body,
      country: international ? country.trim() : null,
      channel: international ? (channel as keyof typeof requestChannel.labels) : null,
    });
  };
  const clear = (f: Field) => setMissing((m) => m.filter((x) => x !== f));
  return (
    <form onSubmit={submit} noValidate aria-label={t('cases.requests.form')}>
      <Stack gap="xs">
        <Checkbox
          label={t('cases.requests.recordInbound')}
          checked={inbound}
          onChange={(event) => {
            setInbound(event.currentTarget.checked);
            setUnit('');
          }}
        />
        <Group grow align="flex-start">
          <NativeSelect
            label={t('cases.requests.fields.kind')}
            value={kind}
            data={requestKind.keys.map((k) => ({ value: k, label: localized(requestKind.labels[k]) }))}
            onChange={(event) => setKind(event.currentTarget.value as RequestKind)}
          />
          <NativeSelect
            label={inbound ? t('cases.requests.fields.fromUnit') : t('cases.requests.fields.unit')}
            required
            value={unit}
            error={required('unit')}
            data={[
              { value: '', label: t('cases.requests.chooseUnit') },
              ...units.map((u) => ({
                value: u.id,
                label: u.inRenkei ? unitName(u) : `${unitName(u)}${t('cases.requests.outside')}`,
              })),
            ]}
            onChange={(event) => {
              setUnit(event.currentTarget.value);
              clear('unit');
            }}
          />
        </Group>
        <TextInput
          label={t('cases.requests.fields.title')}
          required
          maxLength={200}
          value={title}
          error={required('title')}
          onChange={(event) => {
            setTitle(event.currentTarget.value);
            clear('title');
          }}
        />
        <Textarea
          label={t('cases.requests.fields.body')}
          required
          autosize
          minRows={3}
          maxLength={8000}
          value={body}
          error={required('body')}
          onChange={(event) => {
            setBody(event.currentTarget.value);
            clear('body');
          }}
        />
        {international && (
          <Group grow align="flex-start">
            <TextInput
              label={t('cases.requests.fields.country')}
              required
              maxLength={80}
              value={country}
              error={required('country')}
              onChange={(event) => {
                setCountry(event.currentTarget.value);
                clear('country');
              }}
            />
            <NativeSelect
              label={t('cases.requests.fields.channel')}
              required
              value={channel}
              error={required('channel')}
              data={[
                { value: '', label: t('cases.requests.chooseChannel') },
                ...requestChannel.keys.map((k) => ({ value: k, label: localized(requestChannel.labels[k]) })),
              ]}
              onChange={(event) => {
                setChannel(event.currentTarget.value);
                clear('channel');
              }}
            />
          </Group>
        )}
        {send.isError && <ErrorAlert error={send.error} title={t('cases.requests.sendFailed')} hideDetails />}
        <Group>
          <Button type="submit" loading={send.isPending}>
            {inbound ? t('cases.requests.submitInbound') : t('cases.requests.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
