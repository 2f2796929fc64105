import { Button, Menu, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ExportKind } from '../api.js';

const kinds: readonly ExportKind[] = ['csvUtf8', 'csvSjis', 'xlsx'];

interface ExportMenuProps {
  onExport: (kind: ExportKind) => void;
  busy: boolean;
}

/** 「出力」: CSV (UTF-8 / Shift_JIS) or Excel of the filtered list, with what the file leaves out. */
export function ExportMenu({ onExport, busy }: ExportMenuProps) {
  const { t } = useTranslation();
  return (
    <Menu position="bottom-end" withinPortal width={320}>
      <Menu.Target>
        <Button variant="outline" loading={busy}>
          {t('intake.export.button')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Text size="xs" px="sm" py={6}>
          {t('intake.export.note')}
        </Text>
        <Menu.Divider />
        {kinds.map((kind) => (
          <Menu.Item key={kind} onClick={() => onExport(kind)}>
            {t(`intake.export.${kind}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
