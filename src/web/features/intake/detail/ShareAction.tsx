import { Button } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConsultationDetail } from '../../../../contracts/intake.contracts.js';
import { ShareModal } from './ShareModal.js';

/** 「他の所属と共有」 beside the record's heading, for those who may edit the record. */
export function ShareAction({ detail }: { detail: ConsultationDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button size="xs" variant="outline" onClick={() => setOpen(true)}>
        {t('intake.share.open')}
      </Button>
      {open && <ShareModal detail={detail} onClose={() => setOpen(false)} />}
    </>
  );
}
