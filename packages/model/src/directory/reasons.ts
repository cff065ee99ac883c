import type { Bilingual } from '../domain/bilingual';

/** Why a row of the school list was not imported (I6). Codes are stable; texts are shown. */
export const importReasons = {
  'wrong-column-count': { cy: 'Nifer anghywir o golofnau yn y rhes.', en: 'The row has the wrong number of columns.' },
  'invalid-school-number': { cy: 'Rhif yr ysgol ar goll neu’n annilys.', en: 'The school number is missing or invalid.' },
  'missing-name': { cy: 'Enw’r ysgol ar goll.', en: 'The school name is missing.' },
  'missing-la': { cy: 'Cod yr awdurdod lleol ar goll.', en: 'The local authority code is missing.' },
  'unknown-la': { cy: 'Nid ydym yn adnabod cod yr awdurdod lleol.', en: 'The local authority code is not known.' },
  'la-mismatch': { cy: 'Nid yw rhif yr ysgol yn cyfateb i god yr awdurdod lleol.', en: 'The school number does not match the local authority code.' },
  'unknown-sector': { cy: 'Nid ydym yn adnabod y sector.', en: 'The sector is not known.' },
  'unknown-language-code': { cy: 'Nid ydym yn adnabod y cod cyfrwng Cymraeg.', en: 'The Welsh-medium code is not known.' },
  'unknown-religious-character': { cy: 'Nid ydym yn adnabod y cymeriad crefyddol.', en: 'The religious character is not known.' },
  'outside-importer-la': { cy: 'Mae’r ysgol mewn awdurdod lleol arall, nid yn un y person sy’n mewnforio.', en: 'The school is in another local authority than the importer’s own.' },
  'duplicate-school-number': { cy: 'Mae rhif yr ysgol eisoes wedi’i fewnforio mewn rhes gynharach.', en: 'The school number was already imported from an earlier row.' },
} as const satisfies Record<string, Bilingual>;

export type ImportReasonCode = keyof typeof importReasons;

export interface ImportReason extends Bilingual {
  code: ImportReasonCode;
}

export function reason(code: ImportReasonCode): ImportReason {
  return { code, ...importReasons[code] };
}
