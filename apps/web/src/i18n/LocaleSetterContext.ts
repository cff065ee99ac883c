import { createContext, useContext } from 'solid-js';
import type { Locale } from '@cydweithio/ui';

export const LocaleSetterContext = createContext<(locale: Locale) => void>(() => undefined);

export function useSetLocale(): (locale: Locale) => void {
  return useContext(LocaleSetterContext);
}
