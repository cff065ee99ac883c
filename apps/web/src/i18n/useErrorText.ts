import { ApiError } from '../api/problem';
import { useText } from './useText';

/**
 * The person's-language message for a failure: the server's stable code when we know it
 * (errors.<code> in the catalogues), else a generic message (SPEC C9). Never the raw title, which
 * is in English only.
 */
export function useErrorText(): (error: unknown) => string {
  const t = useText();
  return (error) => {
    const code = error instanceof ApiError ? error.code : 'generic';
    const key = `errors.${code}`;
    const text = t(key);
    return text === key ? t('errors.generic') : text;
  };
}
