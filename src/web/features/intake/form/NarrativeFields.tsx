import { Grid, Stack, Textarea, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { IndicatorRole } from '../../../../contracts/indicators.contracts.js';
import { bankDetailsSchema, NARRATIVE_MAX } from '../../../../contracts/intake.contracts.js';
import { previewQueryOptions } from '../api.js';
import { type IndicatorKey, indicatorId, type PartyDraft } from './draft.js';
import { PreviewPanel } from './PreviewPanel.js';
import { patch, type SectionProps } from './section.js';

/** 件名 and 相談内容; while the officer types, the narrative is checked for indicators (400 ms after the last key). */
export function NarrativeFields({ draft, update, errors }: SectionProps) {
  const { t } = useTranslation();
  const [narrative] = useDebouncedValue(draft.narrative, 400);
  const enabled = narrative.trim().length > 0 && narrative.length <= NARRATIVE_MAX;
  // The parties' own phone and account: values equal to them are marked as theirs, not the offender's.
  const own = (p: PartyDraft) => {
    const bank = p.withBank ? bankDetailsSchema.safeParse({ ...p.bank, holderKana: undefined }) : null;
    return { phone: p.phone.trim() || undefined, bank: bank?.success ? bank.data : undefined };
  };
  const parties = { complainant: own(draft.complainant), ...(draft.victimSameAsComplainant ? {} : { victim: own(draft.victim) }) };
  const preview = useQuery({ ...previewQueryOptions(narrative, parties), enabled, placeholderData: keepPreviousData, retry: false });

  const toggle = (key: IndicatorKey, include: boolean) =>
    update((current) => {
      const rest = current.excluded.filter((item) => indicatorId(item) !== indicatorId(key));
      const included = (current.included ?? []).filter((item) => indicatorId(item) !== indicatorId(key));
      return { ...current, excluded: include ? rest : [...rest, key], included: include ? [...included, key] : included };
    });
  const setRole = (key: IndicatorKey, role: IndicatorRole) =>
    update((current) => ({
      ...current,
      roles: [...(current.roles ?? []).filter((item) => indicatorId(item) !== indicatorId(key)), { ...key, role }],
    }));

  // The complainant's or victim's own phone and account start unticked: they are not the
  // offender's, and an officer who wants them in the record ticks them (then they stay ticked).
  const hits = preview.data?.hits;
  useEffect(() => {
    if (!hits) return;
    update((current) => {
      const seen = new Set([...current.excluded, ...(current.included ?? [])].map(indicatorId));
      const own = hits.filter((hit) => hit.role === 'victim' && !seen.has(indicatorId(hit)));
      if (own.length === 0) return current;
      const add = [...new Map(own.map((hit) => [indicatorId(hit), { type: hit.type, value: hit.value }])).values()];
      return { ...current, excluded: [...current.excluded, ...add] };
    });
  }, [hits, update]);

  return (
    <Grid gap="md">
      <Grid.Col span={{ base: 12, md: 7 }}>
        <Stack gap="sm">
          <TextInput
            label={t('intake.fields.summary')}
            description={t('intake.form.summaryHint')}
            required
            maxLength={100}
            value={draft.summary}
            onChange={(event) => patch(update, { summary: event.currentTarget.value })}
            error={errors.summary}
          />
          <Textarea
            label={t('intake.fields.narrative')}
            description={t('intake.form.narrativeHint', { max: NARRATIVE_MAX.toLocaleString('ja-JP') })}
            autosize
            minRows={10}
            maxRows={24}
            maxLength={NARRATIVE_MAX}
            value={draft.narrative}
            onChange={(event) => patch(update, { narrative: event.currentTarget.value })}
            error={errors.narrative}
          />
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 5 }}>
        <PreviewPanel
          preview={enabled ? preview.data : undefined}
          loading={enabled && preview.isFetching}
          error={preview.error}
          excluded={draft.excluded}
          onToggle={toggle}
          roles={draft.roles ?? []}
          onRole={setRole}
        />
      </Grid.Col>
    </Grid>
  );
}
