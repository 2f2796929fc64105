import { Anchor, Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import type { WorkItem, WorkSection, WorkTone } from '../../../contracts/home.contracts.js';
import { roleLabels } from '../../../contracts/roles.contracts.js';
import { isRetryable } from '../../api/errors.js';
import { useSession } from '../../api/session.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useLocalized, useUnitName } from '../../i18n/index.js';
import { formatJst } from '../../lib/datetime.js';
import { useDocumentTitle } from '../../lib/useDocumentTitle.js';
import { homeQueryOptions } from './homeApi.js';

const toneColor: Record<WorkTone, string> = { danger: 'red.8', warning: 'orange.8', info: 'blue.8', neutral: 'gray.7' };

/** A path from the server, possibly with an anchor (`/intake/…#guidance-…`), as a router link. */
export function AppLink({ href, children }: { href: string; children: React.ReactNode }) {
  const [to, hash] = href.split('#');
  return (
    <Anchor renderRoot={(props) => <Link to={to as never} hash={hash} {...props} />} fw={700}>
      {children}
    </Anchor>
  );
}

function ItemRow({ item }: { item: WorkItem }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  return (
    <li style={{ borderInlineStart: `4px solid var(--mantine-color-${toneColor[item.tone].replace('.', '-')})`, paddingInlineStart: 8 }}>
      <AppLink href={item.link}>{localized(item.title)}</AppLink>
      <Group gap="md" wrap="wrap">
        {item.detail && (
          <Text size="sm" c="gray.8" style={{ overflowWrap: 'anywhere' }}>
            {localized(item.detail)}
          </Text>
        )}
        {item.at && (
          <Text size="sm" c={item.tone === 'danger' ? 'red.8' : 'dimmed'} fw={item.tone === 'danger' ? 700 : undefined}>
            <time dateTime={item.at}>{item.atKind === 'due' ? t('home.due', { at: formatJst(item.at) }) : formatJst(item.at)}</time>
          </Text>
        )}
      </Group>
    </li>
  );
}

function SectionCard({ section }: { section: WorkSection }) {
  const { t } = useTranslation();
  const localized = useLocalized();
  const headingId = `home-${section.key.replace(/\./g, '-')}`;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" wrap="nowrap" mb="xs">
        <Title order={2} size="h4" id={headingId}>
          {localized(section.label)}
        </Title>
        {!section.figures && (
          <Badge size="lg" variant={section.count > 0 ? 'filled' : 'light'} color={section.count > 0 ? toneColor[section.tone] : 'gray'}>
            {t('home.count', { count: section.count })}
          </Badge>
        )}
      </Group>
      {section.figures ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          {section.figures.map((f) => (
            <Stack key={f.label.ja} gap={0}>
              <Text size="sm" c="gray.8">
                {localized(f.label)}
              </Text>
              <Text size="xl" fw={700}>
                {f.value.toLocaleString()}
                <Text span size="sm" fw={400} ml={2}>
                  {localized(f.unit)}
                </Text>
              </Text>
            </Stack>
          ))}
        </SimpleGrid>
      ) : section.count === 0 ? (
        <Text size="sm" c="dimmed">
          {t('home.none')}
        </Text>
      ) : (
        <Stack gap="xs">
          <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }}>
            {section.items.map((item) => (
              <ItemRow key={item.id} item={item} />
            ))}
          </Stack>
          {section.more && section.count > section.items.length && (
            <AppLink href={section.more}>{t('home.more', { count: section.count })}</AppLink>
          )}
          {!section.more && section.count > section.items.length && (
            <Text size="sm" c="dimmed">
              {t('home.andMore', { count: section.count - section.items.length })}
            </Text>
          )}
        </Stack>
      )}
    </Paper>
  );
}

/**
 * ホーム: what needs the signed-in person now, from every domain (GET /api/home): what waits for
 * them first, then what they follow, then figures. Accounts with no work (the partner's machine
 * account, the administrator) are told what the account is for.
 */
export function HomePage() {
  const { t } = useTranslation();
  const localized = useLocalized();
  const unitName = useUnitName();
  const session = useSession();
  const home = useQuery(homeQueryOptions);
  useDocumentTitle(t('home.title'));
  if (!session) return null;
  const { user } = session;
  const sections = home.data?.sections ?? [];
  // Waiting work first (what has items before what is empty), then what the person follows, figures last.
  const order = (s: WorkSection) => (s.figures ? 3 : s.actionable ? (s.count > 0 ? 0 : 2) : s.count > 0 ? 1 : 4);
  const shown = [...sections].filter((s) => order(s) < 4).sort((a, b) => order(a) - order(b));
  return (
    <Stack gap="lg" maw={1280}>
      <Stack gap={4}>
        <Title order={1} size="h2">
          {t('home.title')}
        </Title>
        <Text>{t('home.signedInAs', { name: user.displayName, unit: unitName(user.unit), role: localized(roleLabels[user.role]) })}</Text>
      </Stack>
      {home.isPending && <PageLoader />}
      {home.isError && <ErrorAlert error={home.error} onRetry={isRetryable(home.error) ? () => void home.refetch() : undefined} />}
      {home.isSuccess && (
        <>
          <Text fw={700} aria-live="polite">
            {home.data.total > 0 ? t('home.waiting', { count: home.data.total }) : t('home.nothingWaiting')}
          </Text>
          {shown.length === 0 ? (
            <Paper withBorder p="md">
              <Text>{user.role === 'partner' ? t('home.partner') : t('home.noWork')}</Text>
            </Paper>
          ) : (
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              {shown.map((section) => (
                <SectionCard key={section.key} section={section} />
              ))}
            </SimpleGrid>
          )}
        </>
      )}
    </Stack>
  );
}
