import { format } from 'date-fns';

/** Today as the school sees it (the device's calendar day), for due-soon and overdue flags. */
export function planToday(): string {
  return format(new Date(), 'yyyy-MM-dd');
}
