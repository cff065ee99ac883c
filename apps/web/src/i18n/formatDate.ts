import type { Locale as DateLocale } from 'date-fns';
import { formatDistance as welshDistance } from 'date-fns-parts/cy/formatDistance';
import { localize as welshLocalize } from 'date-fns-parts/cy/localize';
// British English words its dates and distances with the American data (date-fns's en-GB does).
import { formatDistance as englishDistance } from 'date-fns-parts/en-US/formatDistance';
import { localize as englishLocalize } from 'date-fns-parts/en-US/localize';
import type { Locale } from '@cydweithio/ui';

/**
 * Dates and numbers in the chosen language from date-fns's own Welsh and English data (its
 * month names and its "5 munud yn ôl" phrases), never the browser's locale data (which often
 * has no Welsh: "Cyfarfod January 20, 2027").
 *
 * The three shapes the app shows are put together here from that data rather than through
 * date-fns's format() and formatDistanceStrict(): those carry every token of the library's
 * pattern language and its default American locale onto every screen (about 5 KiB gzipped on
 * the document screen) to print a day, a month name, a year and a time. Only the two parts of
 * each locale's data used here are imported (build/dateLocaleParts.ts).
 */
const dateLocales: Record<Locale, Pick<DateLocale, 'localize' | 'formatDistance'>> = {
  cy: { localize: welshLocalize, formatDistance: welshDistance },
  en: { localize: englishLocalize, formatDistance: englishDistance },
};

const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** A calendar day as written, at local midnight; null for anything that is not a real day. */
function parseDay(iso: string): Date | null {
  const match = ISO_DAY.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(year, month - 1, day);
  date.setFullYear(year); // years before 100 are not 19xx
  return date.getMonth() === month - 1 && date.getDate() === day ? date : null;
}

/** An ISO timestamp (a day alone is its midnight) or epoch ms; null for anything else. */
function parseMoment(moment: string | number): Date | null {
  if (typeof moment === 'number') return Number.isFinite(moment) ? new Date(moment) : null;
  if (ISO_DAY.test(moment)) return parseDay(moment);
  if (!ISO_MOMENT.test(moment)) return null;
  const date = new Date(moment);
  return Number.isNaN(date.getTime()) ? null : date;
}

const twoDigits = (value: number) => String(value).padStart(2, '0');

/** "14 Hydref 2026": the day, the month's name as the locale writes it in a date, the year. */
function dayMonthYear(date: Date, locale: Locale): string {
  const month = dateLocales[locale].localize.month(date.getMonth() as 0, { width: 'wide', context: 'formatting' });
  return `${date.getDate()} ${month} ${String(date.getFullYear()).padStart(4, '0')}`;
}

/**
 * An ISO date (yyyy-mm-dd) as people write it in the chosen language, e.g. "14 Hydref 2026" /
 * "14 October 2026". The calendar day is kept as written (no time zone shift). Anything
 * unparseable is shown as given rather than hidden.
 */
export function formatDate(iso: string, locale: Locale): string {
  const date = parseDay(iso.slice(0, 10));
  return date ? dayMonthYear(date, locale) : iso;
}

/** A moment (ISO timestamp or epoch ms) with its time, in the person's own time zone: "14 Hydref 2026, 09:30". */
export function formatDateTime(moment: string | number, locale: Locale): string {
  const date = parseMoment(moment);
  return date ? `${dayMonthYear(date, locale)}, ${twoDigits(date.getHours())}:${twoDigits(date.getMinutes())}` : String(moment);
}

const MINUTE = 60_000;
const MINUTES_IN_DAY = 1440;
const MINUTES_IN_MONTH = 43_200;
const MINUTES_IN_YEAR = 525_600;

/**
 * How long ago, in words: "5 munud yn ôl" / "5 minutes ago". The largest whole unit that fits,
 * rounded down (as date-fns's formatDistanceStrict with roundingMethod 'floor'); days, months
 * and years count local calendar time, so a clock change does not make a day 23 hours.
 */
export function formatAgo(moment: string | number, locale: Locale, now: Date = new Date()): string {
  const date = parseMoment(moment);
  if (!date) return String(moment);
  const [earlier, later] = date.getTime() <= now.getTime() ? [date, now] : [now, date];
  const milliseconds = later.getTime() - earlier.getTime();
  const minutes = milliseconds / MINUTE;
  // Wall-clock minutes: a clock change between the two moments counts as the clocks show it.
  const calendarMinutes = minutes + (earlier.getTimezoneOffset() - later.getTimezoneOffset());
  const options = { addSuffix: true, comparison: date.getTime() < now.getTime() ? -1 : date.getTime() > now.getTime() ? 1 : 0 } as const;
  const say = dateLocales[locale].formatDistance;
  const whole = (value: number) => Math.floor(value) || 0;
  if (minutes < 1) return say('xSeconds', whole(milliseconds / 1000), options);
  if (minutes < 60) return say('xMinutes', whole(minutes), options);
  if (minutes < MINUTES_IN_DAY) return say('xHours', whole(minutes / 60), options);
  if (calendarMinutes < MINUTES_IN_MONTH) return say('xDays', whole(calendarMinutes / MINUTES_IN_DAY), options);
  if (calendarMinutes < MINUTES_IN_YEAR) {
    const months = whole(calendarMinutes / MINUTES_IN_MONTH);
    return months === 12 ? say('xYears', 1, options) : say('xMonths', months, options);
  }
  return say('xYears', whole(calendarMinutes / MINUTES_IN_YEAR), options);
}

/**
 * A whole number with the grouping of both languages (CLDR: cy and en-GB group thousands with a
 * comma): "1,470".
 */
export function formatNumber(value: number): string {
  const sign = value < 0 ? '-' : '';
  const digits = String(Math.trunc(Math.abs(value)));
  return sign + digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}
