import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail, personalFields } from '../../../../contracts/intake.contracts.js';
import { useSession } from '../../../api/session.js';
import { DetailSection } from '../../../components/DetailSection.js';
import { hasPermission } from '../../../lib/permissions.js';
import type { RevealResult } from '../api.js';
import { PartyTable } from './PartyTable.js';
import { RevealModal } from './RevealModal.js';

type PersonalField = (typeof personalFields)[number];

/**
 * 相談者 / 被害者, masked. 「個人情報を表示」 asks for a reason, then shows the full values in this
 * view only: they are not cached, and leaving the page or 「再び伏せる」 masks them again.
 */
export function PartiesSection({ detail }: { detail: ConsultationDetail }) {
  const { t } = useTranslation();
  const canReveal = hasPermission(useSession()?.user, 'intake.reveal');
  const [asking, setAsking] = useState(false);
  const [revealed, setRevealed] = useState<RevealResult | null>(null);
  const fields: PersonalField[] = ['complainant.name', 'complainant.address', 'complainant.phone', 'complainant.bank'];
  if (detail.victim) fields.push('victim.name', 'victim.address', 'victim.phone', 'victim.bank');
  const complainant = revealed?.complainant ?? detail.complainant;
  const victim = revealed ? revealed.victim : detail.victim;

  const actions = canReveal ? (
    revealed ? (
      <Group gap="xs">
        <Badge color="orange" variant="light" tt="none">
          {t('intake.reveal.shown')}
        </Badge>
        <Button size="xs" variant="outline" onClick={() => setRevealed(null)}>
          {t('intake.reveal.hide')}
        </Button>
      </Group>
    ) : (
      <Button size="xs" variant="outline" onClick={() => setAsking(true)}>
        {t('intake.reveal.open')}
      </Button>
    )
  ) : undefined;

  return (
    <DetailSection title={t('intake.detail.sections.parties')} actions={actions}>
      {revealed && (
        <Alert color="orange" variant="light" p="xs">
          <Text size="sm">{t('intake.reveal.notice')}</Text>
        </Alert>
      )}
      <Stack gap="md">
        <Stack gap={4}>
          <Title order={4} size="h6">
            {t('intake.party.complainant')}
          </Title>
          <PartyTable party={complainant} />
        </Stack>
        <Stack gap={4}>
          <Title order={4} size="h6">
            {t('intake.party.victim')}
          </Title>
          {detail.victimSameAsComplainant || !victim ? (
            <Text size="sm">{t('intake.detail.victimSame')}</Text>
          ) : (
            <PartyTable party={victim} />
          )}
        </Stack>
      </Stack>
      {asking && (
        <RevealModal
          id={detail.id}
          fields={fields}
          onClose={() => setAsking(false)}
          onRevealed={(result) => {
            setRevealed(result);
            setAsking(false);
          }}
        />
      )}
    </DetailSection>
  );
}
