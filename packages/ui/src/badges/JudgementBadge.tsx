import { useUiText } from '../i18n/useUiText';
import { normaliseJudgement } from './judgement';

/** A progress judgement always in words; the colour band only reinforces them. */
export function JudgementBadge(props: { value: unknown }) {
  const t = useUiText();
  const judgement = () => normaliseJudgement(props.value);
  return <span class={`badge badge--judgement badge--${judgement()}`}>{t(`judgement.${judgement()}`)}</span>;
}
