// The parts of date-fns's locale data that build/dateLocaleParts.ts resolves.
declare module 'date-fns-parts/*/localize' {
  import type { Locale } from 'date-fns';
  export const localize: Locale['localize'];
}
declare module 'date-fns-parts/*/formatDistance' {
  import type { Locale } from 'date-fns';
  export const formatDistance: Locale['formatDistance'];
}
