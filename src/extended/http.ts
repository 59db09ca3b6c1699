// The HTTP details of the extended class: `Retry-After`, and the last event ID as a query parameter.
import { utf8ByteString } from '../http';

/** The text with each lone surrogate (which encodeURIComponent refuses) replaced by U+FFFD. */
export function toWellFormed(text: string): string {
  return text.replace(/[\ud800-\udbff](?![\udc00-\udfff])/g, '\ufffd').replace(/(^|[^\ud800-\udbff])[\udc00-\udfff]/g, '$1\ufffd');
}

/** Any text as UTF-8 bytes in a byte string: a lone surrogate becomes U+FFFD. */
export function wellFormedByteString(text: string): string {
  return utf8ByteString(toWellFormed(text));
}

const DAYS = 'Mon|Tue|Wed|Thu|Fri|Sat|Sun';
const MONTHS = 'Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec';
const TIME = ' (\\d\\d):(\\d\\d):(\\d\\d)';
// https://www.rfc-editor.org/rfc/rfc9110#section-5.6.7: the IMF-fixdate, and the two obsolete formats that
// recipients must also accept. Groups: day, month, year, hour, minute, second.
const IMF_FIXDATE = new RegExp('^(?:' + DAYS + '), (\\d\\d) (' + MONTHS + ') (\\d{4})' + TIME + ' GMT$');
const RFC850_DATE = new RegExp('^(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), (\\d\\d)-(' + MONTHS + ')-(\\d\\d)' + TIME + ' GMT$');
// asctime-date: month, day (space-padded), hour, minute, second, year.
const ASCTIME_DATE = new RegExp('^(?:' + DAYS + ') (' + MONTHS + ') ( \\d|\\d\\d)' + TIME + ' (\\d{4})$');

/**
 * The wait a `Retry-After` header value asks for, in ms from `now`: delay-seconds, or an HTTP-date (0 when it is
 * past). Anything else (empty, negative, fractional, a date in another format) is malformed: undefined.
 * https://www.rfc-editor.org/rfc/rfc9110#field.retry-after
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value == null) return undefined;
  value = value.replace(/^[\t ]+|[\t ]+$/g, '');
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  let year: number;
  let month: string;
  let day: string;
  let time: string[];
  let match = IMF_FIXDATE.exec(value);
  if (match) {
    year = Number(match[3]);
    month = match[2];
    day = match[1];
    time = match.slice(4);
  } else if ((match = RFC850_DATE.exec(value))) {
    // "a timestamp that appears to be more than 50 years in the future" is in the most recent past year with the
    // same last two digits.
    const thisYear = new Date(now).getUTCFullYear();
    year = thisYear - (thisYear % 100) + Number(match[3]);
    if (year > thisYear + 50) year -= 100;
    month = match[2];
    day = match[1];
    time = match.slice(4);
  } else if ((match = ASCTIME_DATE.exec(value))) {
    year = Number(match[6]);
    month = match[1];
    day = match[2];
    time = match.slice(3, 6);
  } else {
    return undefined;
  }
  const hours = Number(time[0]);
  const minutes = Number(time[1]);
  const seconds = Number(time[2]);
  const date = new Date(Date.UTC(year, MONTHS.indexOf(month) / 4, Number(day), hours, minutes, seconds));
  // Date.UTC carries out-of-range fields over (Feb 30, 25:00): such a date is malformed. Second 60 is a leap second.
  if (date.getUTCDate() !== Number(day) || hours > 23 || minutes > 59 || seconds > 60) return undefined;
  return Math.max(0, date.getTime() - now);
}

/**
 * `url` with the query parameter `name` set to `value` (percent-encoded UTF-8; a lone surrogate as U+FFFD would
 * be): any parameter of that name already there is replaced, and the fragment stays last.
 */
export function setQueryParameter(url: string, name: string, value: string): string {
  const hash = url.indexOf('#');
  const fragment = hash < 0 ? '' : url.slice(hash);
  let rest = hash < 0 ? url : url.slice(0, hash);
  const question = rest.indexOf('?');
  const key = encodeURIComponent(name);
  const pairs = question < 0 ? [] : rest.slice(question + 1).split('&');
  if (question >= 0) rest = rest.slice(0, question);
  const kept: string[] = [];
  for (let i = 0; i < pairs.length; i++) if (pairs[i] && pairs[i].split('=')[0] !== key) kept.push(pairs[i]);
  kept.push(key + '=' + encodeURIComponent(toWellFormed(value)));
  return rest + '?' + kept.join('&') + fragment;
}
