import { intakeJa as parts } from './i18n/intake.ja.js';
import { intakeDataJa } from './i18n/intakeData.ja.js';
import { intakeRecordJa } from './i18n/intakeRecord.ja.js';
import { intakeWorkJa } from './i18n/intakeWork.ja.js';

/** 相談受理 strings (Japanese), in three files by area; merged into the i18next resources by app/i18n.ts. */
export const intakeJa = { intake: { ...parts, ...intakeRecordJa, ...intakeDataJa, ...intakeWorkJa } } as const;
