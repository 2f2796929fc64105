import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { bankChoicesQueryOptions } from '../api.js';

interface BankCodeSelectProps {
  label: string;
  description: string;
  /** The chosen code ('' when none). */
  value: string;
  onChange: (code: string, name: string) => void;
  /** Given: search the branches of this bank; absent: search banks. */
  bankCode?: string;
  disabled?: boolean;
  error?: string | undefined;
}

/**
 * A bank or branch chosen by the name a passbook shows (「七十七」「本店営業部」) or by its code;
 * the server searches the zengin data that ships with the app, so the browser never loads it.
 */
export function BankCodeSelect({ label, description, value, onChange, bankCode, disabled, error }: BankCodeSelectProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [chosenLabel, setChosenLabel] = useState<string | null>(null);
  const [q] = useDebouncedValue(search.replace(/（\d+）$/, '').trim(), 250);
  const choices = useQuery({
    ...bankChoicesQueryOptions(q, bankCode),
    enabled: q.length > 0 && !disabled,
    placeholderData: keepPreviousData,
  });
  const options = (choices.data?.items ?? []).map((c) => ({ value: c.code, label: `${c.name}（${c.code}）` }));
  // The chosen code stays an option while other names are searched (a restored draft shows its code).
  if (value && !options.some((o) => o.value === value)) options.unshift({ value, label: chosenLabel ?? value });
  return (
    <Select
      label={label}
      description={description}
      placeholder={description}
      searchable
      clearable
      disabled={disabled}
      data={options}
      value={value || null}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={q ? t('intake.bank.noMatch') : undefined}
      onChange={(code, option) => {
        setChosenLabel(option?.label ?? null);
        onChange(code ?? '', option?.label ?? '');
      }}
      error={error}
    />
  );
}
