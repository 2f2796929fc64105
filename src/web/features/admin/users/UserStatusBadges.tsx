import { Badge, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../../contracts/org.contracts.js';
import { mfaRequiredRoles } from '../../../../contracts/permissions.contracts.js';

/** 状態: 無効 wins over ロック中 wins over 有効; a pending first-login password change is added. */
export function UserStatusBadge({ user }: { user: User }) {
  const { t } = useTranslation();
  const [color, key] = user.disabled
    ? (['gray', 'disabled'] as const)
    : user.locked
      ? (['red', 'locked'] as const)
      : (['green', 'active'] as const);
  return (
    <Group gap={4}>
      <Badge color={color} variant="light">
        {t(`admin.users.status.${key}`)}
      </Badge>
      {user.mustChangePassword && !user.disabled && (
        <Badge color="yellow" variant="light" tt="none">
          {t('admin.users.status.mustChangePassword')}
        </Badge>
      )}
    </Group>
  );
}

/** 二要素認証: 登録済 / 未登録; missing where the role requires it is shown in orange. */
export function UserMfaBadge({ user }: { user: User }) {
  const { t } = useTranslation();
  if (user.mfaEnabled) {
    return (
      <Badge color="green" variant="light">
        {t('admin.users.mfa.enabled')}
      </Badge>
    );
  }
  const required = mfaRequiredRoles.includes(user.role);
  return (
    <Badge color={required ? 'orange' : 'gray'} variant="light" tt="none">
      {required ? t('admin.users.mfa.missingRequired') : t('admin.users.mfa.notEnrolled')}
    </Badge>
  );
}
