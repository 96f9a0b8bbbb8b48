import type { CombinedError } from '@urql/core';
import { createQuery, useClient } from '@urql/solid';
import { createSignal, For } from 'solid-js';
import { useFacilityChoice } from '../../features/facilities.ts';
import { downloadText } from '../../lib/download.ts';
import { addDays, formatMoney } from '../../lib/format.ts';
import { graphql, type VariablesOf } from '../../lib/graphql.ts';
import { REVENUE_GROUPING } from '../../lib/labels/finance.ts';
import { BarChart } from '../../ui/BarChart.tsx';
import { ErrorNotice } from '../../ui/ErrorNotice.tsx';
import { Field } from '../../ui/Field.tsx';
import { Loaded } from '../../ui/Loaded.tsx';

export const REVENUE = graphql(`
  query Revenue($groupBy: RevenueGrouping!, $from: Date!, $to: Date!) {
    revenueReport(groupBy: $groupBy, from: $from, to: $to) {
      rows { key label provider { id displayName } currency invoiceCount netMinor taxMinor totalMinor }
      totals { currency netMinor taxMinor totalMinor }
    }
  }
`);

/** Asked only when the person downloads: the CSV names people, which the API reads from the people service. */
export const REVENUE_CSV = graphql(`
  query RevenueCsv($groupBy: RevenueGrouping!, $from: Date!, $to: Date!) {
    revenueReport(groupBy: $groupBy, from: $from, to: $to) { csv }
  }
`);

export const OUTSTANDING_CSV = graphql(`
  query OutstandingCsv { outstandingReport { asOf csv } }
`);

export const OUTSTANDING = graphql(`
  query Outstanding {
    outstandingReport {
      asOf
      totals { currency balanceMinor ageing { current days1to30 days31to60 days61to90 over90 } }
    }
  }
`);

type Grouping = VariablesOf<typeof REVENUE>['groupBy'];
const GROUPINGS: readonly Grouping[] = ['DAY', 'PROVIDER', 'SERVICE', 'PAYER'];

const AGEING = [
  ['current', 'Not yet due'],
  ['days1to30', '1–30 days'],
  ['days31to60', '31–60 days'],
  ['days61to90', '61–90 days'],
  ['over90', 'Over 90 days'],
] as const;

/** Revenue by day, provider, service or payer, and what patients still owe by age, as charts and CSV. */
export function Reports() {
  const today = useFacilityChoice().today();
  const [groupBy, setGroupBy] = createSignal<Grouping>('DAY');
  const [from, setFrom] = createSignal(addDays(today, -30));
  const [to, setTo] = createSignal(today);
  const [revenue] = createQuery({ query: REVENUE, variables: () => ({ groupBy: groupBy(), from: from(), to: to() }) });
  const [outstanding] = createQuery({ query: OUTSTANDING });
  const client = useClient();
  const [csvError, setCsvError] = createSignal<CombinedError | null>(null);
  const downloadRevenue = async () => {
    const result = await client.query(REVENUE_CSV, { groupBy: groupBy(), from: from(), to: to() }, { requestPolicy: 'network-only' }).toPromise();
    setCsvError(result.error ?? null);
    const report = result.data?.revenueReport;
    if (report) downloadText(`revenue-${groupBy().toLowerCase()}-${from()}-${to()}.csv`, report.csv);
  };
  const downloadOutstanding = async () => {
    const result = await client.query(OUTSTANDING_CSV, {}, { requestPolicy: 'network-only' }).toPromise();
    setCsvError(result.error ?? null);
    const report = result.data?.outstandingReport;
    if (report) downloadText(`outstanding-${report.asOf}.csv`, report.csv);
  };
  return (
    <section class="page wide" aria-labelledby="reports-title">
      <h1 id="reports-title">Reports</h1>
      <div class="toolbar">
        <Field label="Group by">
          {(c) => (
            <select {...c} value={groupBy()} onChange={(e) => setGroupBy(e.currentTarget.value as Grouping)}>
              <For each={GROUPINGS}>
                {(g) => (
                  <option value={g} selected={g === groupBy()}>
                    {REVENUE_GROUPING[g]}
                  </option>
                )}
              </For>
            </select>
          )}
        </Field>
        <Field label="From">
          {(c) => <input {...c} type="date" value={from()} max={to()} onInput={(e) => e.currentTarget.value && setFrom(e.currentTarget.value)} />}
        </Field>
        <Field label="To">
          {(c) => <input {...c} type="date" value={to()} min={from()} onInput={(e) => e.currentTarget.value && setTo(e.currentTarget.value)} />}
        </Field>
      </div>
      <Loaded result={revenue}>
        {(data) => (
          <section class="card" aria-label="Revenue">
            <h2>Revenue</h2>
            <BarChart
              title={`Revenue by ${REVENUE_GROUPING[groupBy()].toLowerCase()}`}
              bars={data().revenueReport.rows.map((r) => ({ label: r.provider?.displayName ?? r.label, value: r.totalMinor }))}
              format={(v) => formatMoney(v, data().revenueReport.rows[0]?.currency ?? 'USD')}
            />
            <p>
              Total:{' '}
              {data()
                .revenueReport.totals.map((t) => formatMoney(t.totalMinor, t.currency))
                .join(', ') || 'nothing billed'}
            </p>
            <button type="button" class="secondary" onClick={downloadRevenue}>
              Download CSV
            </button>
          </section>
        )}
      </Loaded>
      <Loaded result={outstanding}>
        {(data) => (
          <section class="card" aria-label="Outstanding">
            <h2>Owed by patients</h2>
            <For each={data().outstandingReport.totals} fallback={<p class="empty">Nothing is outstanding.</p>}>
              {(t) => (
                <BarChart
                  title={`Owed by patients (${t.currency}): ${formatMoney(t.balanceMinor, t.currency)}`}
                  bars={AGEING.map(([key, label]) => ({ label, value: t.ageing[key] }))}
                  format={(v) => formatMoney(v, t.currency)}
                />
              )}
            </For>
            <button type="button" class="secondary" onClick={downloadOutstanding}>
              Download CSV
            </button>
          </section>
        )}
      </Loaded>
      <ErrorNotice error={csvError()} />
    </section>
  );
}
