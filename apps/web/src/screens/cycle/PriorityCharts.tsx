import { For, Show, createResource } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { progressJudgements } from '@cydweithio/model/domain/improvement';
import { termWordsOf } from '@cydweithio/model/domain/recordSubjects';
import * as z from 'zod/mini';
import { apiJson } from '../../api/http';
import { PriorityPoints } from '../../api/cycleSchemas';
import { useLabels } from '../../i18n/useLabels';
import { useText } from '../../i18n/useText';

const CurrentRecord = z.looseObject({ subjects: z.record(z.string(), z.unknown()) });

/** The priorities the school's confirmed reviews have judged, newest title of each. */
function reviewedPriorities(subjects: Record<string, unknown>): { id: string; title: string }[] {
  const found = new Map<string, string>();
  for (const [subject, state] of Object.entries(subjects)) {
    if (!subject.startsWith('review:')) continue;
    const priorities = (state as { priorities?: { priorityId?: unknown; title?: unknown }[] } | null)?.priorities ?? [];
    for (const p of priorities) if (typeof p.priorityId === 'string') found.set(p.priorityId, typeof p.title === 'string' ? p.title : p.priorityId);
  }
  return [...found].map(([id, title]) => ({ id, title }));
}

/**
 * K13: per priority, a small chart of on/off track and the rate of progress review by review, for
 * this one school only (never set against another school). Each chart has a table beside it
 * saying the same in words, and the marks differ by shape as well as colour.
 */
export function PriorityCharts(props: { ownerKey: string }) {
  const t = useText();
  const [record] = createResource(() => apiJson(CurrentRecord, `/records/${encodeURIComponent(props.ownerKey)}`));
  const priorities = () => reviewedPriorities(record()?.subjects ?? {});
  return (
    <section class="card card--wide" aria-labelledby="charts-heading" data-testid="priority-charts">
      <header class="card__header"><h2 id="charts-heading">{t('record.chart')}</h2></header>
      <div class="card__body">
        <Show when={priorities().length > 0} fallback={<p class="muted">{t('record.chartNone')}</p>}>
          <For each={priorities()}>{(p) => <PriorityChart ownerKey={props.ownerKey} priorityId={p.id} title={p.title} />}</For>
        </Show>
      </div>
    </section>
  );
}

function PriorityChart(props: { ownerKey: string; priorityId: string; title: string }) {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const [data] = createResource(() => apiJson(PriorityPoints, `/records/${encodeURIComponent(props.ownerKey)}/priorities/${encodeURIComponent(props.priorityId)}`));
  const points = () => data()?.points ?? [];
  const step = 90;
  const top = 14;
  const rowHeight = 22;
  const left = 110;
  const width = () => left + Math.max(points().length, 1) * step;
  const height = top + progressJudgements.length * rowHeight + 34;
  const y = (judgement: string) => top + Math.max(progressJudgements.indexOf(judgement as (typeof progressJudgements)[number]), 0) * rowHeight + rowHeight / 2;
  const x = (i: number) => left + i * step + step / 2;
  const period = (p: { term: string; halfTerm: number | null }) => termWordsOf(p.term, p.halfTerm as 1 | 2 | null, locale());
  const headingId = `chart-${props.priorityId}`;
  return (
    <figure class="priority-chart" aria-labelledby={headingId} data-testid="priority-chart">
      <figcaption id={headingId}><strong>{t('record.chartOf', { title: props.title })}</strong></figcaption>
      <Show when={points().length > 0} fallback={<p class="muted">{t('record.chartNone')}</p>}>
        <svg width={width()} height={height} viewBox={`0 0 ${width()} ${height}`} aria-hidden="true">
          <For each={progressJudgements}>
            {(j) => (
              <>
                <line x1={left} x2={width()} y1={y(j)} y2={y(j)} stroke="#d0d5d8" stroke-width="1" />
                <text x={4} y={y(j) + 4}>{label('judgement', j)}</text>
              </>
            )}
          </For>
          <Show when={points().length > 1}>
            <polyline fill="none" stroke="#505a5f" stroke-width="1.5" points={points().map((p, i) => `${x(i)},${y(p.judgement)}`).join(' ')} />
          </Show>
          <For each={points()}>
            {(p, i) => (
              <>
                <Show when={p.status === 'on-track'} fallback={
                  <path d={`M${x(i()) - 6},${y(p.judgement) - 6} L${x(i()) + 6},${y(p.judgement) + 6} M${x(i()) + 6},${y(p.judgement) - 6} L${x(i()) - 6},${y(p.judgement) + 6}`} stroke="#942514" stroke-width="3" />
                }>
                  <circle cx={x(i())} cy={y(p.judgement)} r="6" fill="#0b5d2a" />
                </Show>
                <text x={x(i())} y={height - 8} text-anchor="middle">{p.term}{p.halfTerm ? ` (${p.halfTerm})` : ''}</text>
              </>
            )}
          </For>
        </svg>
        <table class="compare" data-testid="chart-table">
          <thead><tr><th scope="col">{t('record.period')}</th><th scope="col">{t('review.track')}</th><th scope="col">{t('review.judgement')}</th></tr></thead>
          <tbody>
            <For each={points()}>
              {(p) => <tr><th scope="row">{period(p)}</th><td>{label('track', p.status)}</td><td>{label('judgement', p.judgement)}</td></tr>}
            </For>
          </tbody>
        </table>
      </Show>
    </figure>
  );
}
