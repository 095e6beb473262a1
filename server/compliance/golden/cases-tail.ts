import type { Extraction } from '../../contracts/extraction';
import { policy, type CaseDef } from './case-types';

// The completed-operations tail: the project closed on 2024-06-30 and the set asks for six
// years of products-completed operations coverage after that (to 2030-06-30). Today is
// 2025-03-10, inside the tail, unless a case says otherwise.

const closed = { projectStart: '2023-01-02', projectEnd: '2024-06-30', projectClosedOn: '2024-06-30' };
const sixYears = (set: { completedOperationsYears?: number }) => {
  set.completedOperationsYears = 6;
};

/** Every line but general liability lapsed when the job ended. */
function othersLapsed(e: Extraction): void {
  for (const line of ['automobile_liability', 'umbrella_liability', 'workers_compensation'] as const) {
    Object.assign(policy(e, line), { effectiveDate: '2023-07-01', expirationDate: '2024-07-01' });
  }
}

/** The other lines lapsed, and general liability ran from `from` to `to`. */
const glRan = (from: string, to: string) => (e: Extraction) => {
  othersLapsed(e);
  Object.assign(policy(e, 'general_liability'), { effectiveDate: from, expirationDate: to });
};

export const tailCases: CaseDef[] = [
  {
    name: 'tail-only-general-liability-required',
    about: 'Closed project inside its six-year tail: auto, umbrella and workers comp lapsed after the job; general liability with its completed-operations aggregate is all that is asked for.',
    change: othersLapsed,
    requirements: sixYears,
    context: closed,
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'tail-completed-operations-aggregate-low',
    about: 'Inside the tail the products-completed operations aggregate must still meet the minimum; the per-occurrence limit no longer counts.',
    change: (e) => {
      othersLapsed(e);
      const gl = policy(e, 'general_liability');
      gl.limits = { ...gl.limits, eachOccurrence: 500_000, generalAggregate: 1_000_000, productsCompletedOperationsAggregate: 1_000_000 };
    },
    requirements: sixYears,
    context: closed,
    want: { outcome: 'deficient', d: ['limit_below_minimum'], r: [] },
  },
  {
    name: 'tail-general-liability-expired',
    about: 'Inside the tail the general liability policy expired: that line, and only that line, is a shortfall.',
    change: glRan('2024-03-01', '2025-03-01'),
    requirements: sixYears,
    context: closed,
    want: { outcome: 'deficient', d: ['policy_expired'], r: [] },
  },
  {
    name: 'tail-ended-nothing-required',
    about: 'The project closed in 2018 with a six-year tail that ended on 2024-06-30: no line is required any more.',
    change: glRan('2023-07-01', '2024-07-01'),
    requirements: sixYears,
    context: { projectStart: '2017-01-02', projectEnd: '2018-06-30', projectClosedOn: '2018-06-30' },
    want: { outcome: 'compliant', d: [], r: [] },
  },
  {
    name: 'tail-none-set-closed-project',
    about: 'A closed project whose set asks for no completed-operations tail requires nothing after it closed.',
    change: othersLapsed,
    context: closed,
    want: { outcome: 'compliant', d: [], r: [] },
  },
];
