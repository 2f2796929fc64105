import { useTranslation } from 'react-i18next';
import { useSession } from '../../api/session.js';
import { TabbedLayout } from '../../components/TabbedLayout.js';
import { canOpenAdmin } from '../../lib/permissions.js';
import { visibleAdminTabs } from './tabs.js';

/** システム管理: one tab per area the user may see (/admin/users, /admin/units, ...). */
export function AdminLayout() {
  const { t } = useTranslation();
  const user = useSession()?.user;
  const tabs = canOpenAdmin(user) ? visibleAdminTabs(user) : [];
  return <TabbedLayout title={t('admin.title')} tabs={tabs.map((tab) => ({ to: `/admin/${tab}`, label: t(`admin.tabs.${tab}`) }))} />;
}
