import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { accountType } from '../../../../contracts/intake.contracts.js';
import { useEnumOptions } from '../labels.js';
import { BankCodeSelect } from './BankCodeSelect.js';
import type { BankDraft } from './draft.js';

/** Passbooks and IMEs give full-width digits (０１２３); the codes are ASCII digits. */
const halfWidthDigits = (value: string) =>
  value.replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\D/g, '');

interface BankFieldsProps {
  /** 相談者 / 被害者, for unique labels. */
  who: string;
  bank: BankDraft;
  onChange: (bank: BankDraft) => void;
  error: (field: keyof BankDraft) => string | undefined;
}

/** A party's own account (for refunds under 振り込め詐欺救済法): bank and branch found by name, number as on the passbook. */
export function BankFields({ who, bank, onChange, error }: BankFieldsProps) {
  const { t } = useTranslation();
  const types = useEnumOptions(accountType);
  const set = (change: Partial<BankDraft>) => onChange({ ...bank, ...change });
  const digits = (field: 'accountNumber', length: number) => ({
    inputMode: 'numeric' as const,
    maxLength: length,
    ff: 'monospace',
    value: bank[field],
    onChange: (event: { currentTarget: { value: string } }) => set({ [field]: halfWidthDigits(event.currentTarget.value) }),
    error: error(field),
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }} spacing="sm">
      <BankCodeSelect
        label={t('intake.bank.bankCode', { party: who })}
        description={t('intake.bank.bankSearch')}
        value={bank.bankCode}
        onChange={(code) => set({ bankCode: code, ...(code !== bank.bankCode ? { branchCode: '' } : {}) })}
        error={error('bankCode')}
      />
      <BankCodeSelect
        label={t('intake.bank.branchCode', { party: who })}
        description={t('intake.bank.branchSearch')}
        value={bank.branchCode}
        bankCode={bank.bankCode}
        disabled={!/^\d{4}$/.test(bank.bankCode)}
        onChange={(code) => set({ branchCode: code })}
        error={error('branchCode')}
      />
      <NativeSelect
        label={t('intake.bank.accountType', { party: who })}
        data={[{ value: '', label: t('common.choose'), disabled: true }, ...types]}
        value={bank.accountType}
        onChange={(event) => set({ accountType: accountType.keys.find((key) => key === event.currentTarget.value) ?? '' })}
        error={error('accountType')}
        required
      />
      <TextInput
        label={t('intake.bank.accountNumber', { party: who })}
        description={t('intake.bank.digits', { n: 7 })}
        {...digits('accountNumber', 7)}
      />
      <TextInput
        label={t('intake.bank.holderKana', { party: who })}
        maxLength={60}
        value={bank.holderKana}
        onChange={(event) => set({ holderKana: event.currentTarget.value })}
        error={error('holderKana')}
      />
    </SimpleGrid>
  );
}
