/**
 * A consultation as a station records it, for tests that need one: 青葉 花子 (a senior, 022-211-1111)
 * called the number a support-scam warning screen showed. Tests override what they are about.
 */
export function consultationInput(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'consultation',
    channel: 'visit',
    category: 'fraud',
    modus: 'supportScam',
    contactMethods: ['webAd'],
    complainant: {
      type: 'individual',
      name: '青葉 花子',
      address: '宮城県仙台市青葉区本町3-8-1',
      phone: '022-211-1111',
      ageGroup: 'senior',
    },
    victimSameAsComplainant: true,
    summary: 'サポート詐欺の相談',
    narrative: 'パソコンに警告画面が表示され、表示された 050-3000-1234 に電話した。',
    ...overrides,
  };
}
