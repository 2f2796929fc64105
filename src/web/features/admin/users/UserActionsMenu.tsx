import { Button, Menu } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/org.contracts.js';

export type UserAction = 'edit' | 'resetPassword' | 'unlock' | 'mfaReset' | 'disable' | 'enable' | 'issueToken';

interface UserActionsMenuProps {
  user: User;
  /** The signed-in administrator: cannot disable their own account here. */
  isSelf: boolean;
  onAction: (action: UserAction, user: User) => void;
}

/** Per-row menu (Menu gives arrow-key navigation and Escape); only actions that apply are listed. */
export function UserActionsMenu({ user, isSelf, onAction }: UserActionsMenuProps) {
  const { t } = useTranslation();
  const items: { action: UserAction; danger?: boolean }[] = [{ action: 'edit' }, { action: 'resetPassword' }];
  if (user.locked) items.push({ action: 'unlock' });
  if (user.mfaEnabled) items.push({ action: 'mfaReset', danger: true });
  if (user.role === 'partner' && !user.disabled) items.push({ action: 'issueToken' });
  if (user.disabled) items.push({ action: 'enable' });
  else if (!isSelf) items.push({ action: 'disable', danger: true });

  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button size="xs" variant="outline" aria-label={t('admin.users.actionsLabel', { name: user.displayName, loginId: user.loginId })}>
          {t('common.actions')}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {items.map(({ action, danger }) => (
          <Menu.Item key={action} color={danger ? 'red' : undefined} onClick={() => onAction(action, user)}>
            {t(`admin.users.actions.${action}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
