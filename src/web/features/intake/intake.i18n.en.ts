import { intakeEn as parts } from './i18n/intake.en.js';
import { intakeDataEn } from './i18n/intakeData.en.js';
import { intakeRecordEn } from './i18n/intakeRecord.en.js';
import { intakeWorkEn } from './i18n/intakeWork.en.js';

/** 相談受理 strings (English). Keys mirror intake.i18n.ja.ts. */
export const intakeEn = { intake: { ...parts, ...intakeRecordEn, ...intakeDataEn, ...intakeWorkEn } };
