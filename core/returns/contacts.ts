// The contacts a return must carry before its rows are accepted: 填报人, 联系电话, 审核人(负责人) and 填报日期, each
// checked (a telephone number that is one, a real date not after today) and explained in Chinese when missing or wrong.
import { CONTACTS, type Contacts, type ContactKey } from './layout';
import { normalizeDate } from '../rules/normalize';
import { halfWidth } from '../rules/values';
import { AppError } from '../common/errors';

export interface ContactCheck { contacts: Contacts; missing: string[]; problems: string[] }

const label = (k: ContactKey) => CONTACTS.find((c) => c.key === k)!.label;

/** An Excel date serial (days since 1899-12-30) as 'YYYY-MM-DD'. */
const fromSerial = (n: number): string => new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86400000).toISOString().slice(0, 10);

/** Checks the contacts as read (or as the planner typed them); `today` is 'YYYY-MM-DD'. */
export function checkContacts(raw: Partial<Record<ContactKey, string | number | null>>, today: string): ContactCheck {
  const contacts = { filler: '', phone: '', reviewer: '', filledOn: '' } as Contacts;
  const missing: string[] = [];
  const problems: string[] = [];
  for (const { key } of CONTACTS) {
    const v = raw[key];
    let s = v == null ? '' : key === 'filledOn' && typeof v === 'number' && v > 20000 && v < 80000 ? fromSerial(v) : String(v).trim();
    if (!s) {
      missing.push(label(key));
      continue;
    }
    if (key === 'phone') {
      const digits = halfWidth(s).replace(/\D/g, '');
      if (digits.length < 7 || !/^[\d\s\-+()（）转#,，、/;；]+$/.test(halfWidth(s))) problems.push(`联系电话「${s.slice(0, 30)}」不像电话号码`);
    }
    if (key === 'filledOn') {
      try {
        s = normalizeDate(s);
        if (s > today) problems.push(`填报日期 ${s} 晚于今天`);
      } catch (e) {
        problems.push(`填报日期「${s.slice(0, 30)}」不是有效的日期`);
        if (!(e instanceof AppError)) throw e;
      }
    }
    contacts[key] = s.slice(0, 100);
  }
  return { contacts, missing, problems };
}

/** Why a return's rows cannot be accepted yet, or null when its contacts are complete. */
export function contactsBlock(c: ContactCheck): string | null {
  if (!c.missing.length && !c.problems.length) return null;
  const parts = [c.missing.length ? `未填写${c.missing.join('、')}` : '', ...c.problems].filter(Boolean);
  return `${parts.join(';')}。填报信息补全之前,本表的改动不能接受(请单位补填后重新报送,或在此补录)。`;
}

/** Today in local time, as 'YYYY-MM-DD'. */
export function today(d = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
