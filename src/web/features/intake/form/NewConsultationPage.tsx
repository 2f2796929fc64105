import { useTranslation } from 'react-i18next';
import { useSession } from '../../../api/session.js';
import { useDocumentTitle } from '../../../lib/useDocumentTitle.js';
import { IntakeForm } from './IntakeForm.js';

/** 新規受理 (intake.write): the counter form, with a draft kept per user. */
export function NewConsultationPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('intake.form.title'));
  const session = useSession();
  if (!session) return null;
  return <IntakeForm userId={session.user.id} ownUnitName={session.user.unit.name} />;
}
