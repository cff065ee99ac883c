import { createContext, useContext, type Accessor } from 'solid-js';
import type { Locale } from './locale';

/**
 * The app owns the language choice (and persists it); ui components only read it. A default of
 * Welsh keeps components usable in isolation (tests, storybook-like pages).
 */
export const LocaleContext = createContext<Accessor<Locale>>((): Locale => 'cy');

export function useLocale(): Accessor<Locale> {
  return useContext(LocaleContext);
}
