// The sign-off closing a copied article, in the forms pages print it.
import { parseSignOff } from '../../../shared/format/signOff';
import type { SignOff } from '../../../shared/model/article';

/**
 * News agencies and their regional services as sign-offs name them. Knowing them is what tells
 * "mrc/dpa/Reuters" (an editor's initials, two agencies) from "haz/qu" (two editors).
 */
const AGENCIES = new Set([
  'dpa',
  'afp',
  'ap',
  'reuters',
  'rtr',
  'kna',
  'epd',
  'sid',
  'ddp',
  'dts',
  'apa',
  'sda',
  'ats',
  'keystone-sda',
  'ots',
  'ansa',
  'agi',
  'adnkronos',
  'efe',
  'europa press',
  'anp',
  'belga',
  'ntb',
  'tt',
  'stt',
  'ritzau',
  'pap',
  'ctk',
  'tass',
  'ria',
  'xinhua',
  'kyodo',
  'yonhap',
  'upi',
  'bloomberg',
  'aa',
  'ana',
  'mti',
  'hina',
  'sta',
  'tanjug',
  'lusa',
  'ips',
  'kap',
  'idea',
  'cnn',
  'bbc',
  // dpa's regional services
  'lby',
  'lsw',
  'lhe',
  'lni',
  'lno',
  'lrs',
  'lbn',
  'lmv',
  'lsa',
  'lth',
  'lbb',
  'lhb',
  'lnw',
]);

export const isAgency = (token: string) => AGENCIES.has(token.trim().toLowerCase());

const CODE = /^[\p{L}][\p{L}-]{0,11}$/u;

/**
 * A line that is a sign-off: "haz/qu (afp, dpa)", "kb/sms (AFP, Reuters)", "(AFP)", "(jk)",
 * "mrc/dpa/Reuters", "dpa/lby", "Reuters", "sid". Initials in brackets that are no agency's are an
 * author's ("(jk)"). Null for anything else.
 */
export function readSignOffLine(line: string): SignOff | null {
  const text = line.trim();
  if (!text || text.length > 60) return null;
  if (/[()]/.test(text)) {
    const parsed = parseSignOff(text);
    // Initials in brackets that name no agency are the author's: heise's "(jk)".
    if (
      parsed &&
      !parsed.authors.length &&
      !parsed.agencies.some(isAgency) &&
      parsed.agencies.every((a) => /^\p{Ll}{1,4}$/u.test(a))
    ) {
      return { authors: parsed.agencies, agencies: [] };
    }
    return parsed;
  }
  // Without brackets: codes separated by slashes; agencies among them are told by name, and
  // initials alone need a slash ("haz/qu"), as one short word could be anything.
  const codes = text.split('/').map((c) => c.trim());
  if (!codes.every((c) => CODE.test(c))) return null;
  if (!codes.some(isAgency))
    return codes.length > 1 && codes.every((c) => /^\p{Ll}{1,4}$/u.test(c)) ? { authors: codes, agencies: [] } : null;
  return {
    authors: codes.filter((c) => !isAgency(c)).map((c) => c.toLowerCase()),
    agencies: codes.filter(isAgency).map((c) => c.toLowerCase()),
  };
}
