import { useTranslation } from 'react-i18next';
import { bankDisplayName, branchDisplayName } from '../../../../contracts/indicators.display.js';
import { accountType, orgSize, type PartyView, partyType, sector } from '../../../../contracts/intake.contracts.js';
import { useEnumLabel } from '../labels.js';
import { type Fact, FactsTable } from './FactsTable.js';

/** "みずほ銀行（0001） 本店（001） 普通 ***4567 ヤマダ タロウ" */
function useBankText(): (bank: NonNullable<PartyView['bank']>) => string {
  const label = useEnumLabel();
  return (bank) =>
    [
      // Named as people write them (三菱UFJ銀行, 新宿支店), as the shared renderer does.
      `${bank.bankName ? bankDisplayName(bank.bankCode, bank.bankName) : ''}（${bank.bankCode}）`,
      `${bank.branchName ? branchDisplayName(bank.bankCode, bank.branchName) : ''}（${bank.branchCode}）`,
      label(accountType, bank.accountType),
      bank.accountNumber,
      bank.holderKana ?? '',
    ]
      .filter(Boolean)
      .join(' ');
}

/** One party as the server sent it: masked, or in full after a recorded reveal. */
export function PartyTable({ party }: { party: PartyView }) {
  const { t } = useTranslation();
  const label = useEnumLabel();
  const bankText = useBankText();
  const facts: Fact[] = [
    { label: t('intake.party.typeShort'), value: label(partyType, party.type) },
    { label: t('intake.party.nameShort'), value: party.name ?? '—' },
    { label: t('intake.party.phoneShort'), value: party.phone ?? '—' },
    { label: t('intake.party.addressShort'), value: party.address ?? '—' },
  ];
  if (party.type === 'individual') {
    facts.push({ label: t('intake.party.ageGroupShort'), value: party.ageGroup ? t(`intake.ageGroups.${party.ageGroup}`) : '—' });
  } else {
    facts.push({ label: t('intake.party.orgSizeShort'), value: label(orgSize, party.orgSize) });
    facts.push({ label: t('intake.party.sectorShort'), value: label(sector, party.sector) });
  }
  if (party.bank) facts.push({ label: t('intake.party.bankShort'), value: bankText(party.bank) });
  return <FactsTable facts={facts} labelWidth={140} />;
}
