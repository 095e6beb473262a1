import type { Knex } from 'knex';
import type { RequestStatus } from '../contracts/requests';
import { wantWriteBack } from '../sync/writeback-intents';
import { addEvent, type Actor } from './timeline';
import { lockRequestStatus, setRequestStatus } from './repository';

// The one owner of a request's life. Every change of status is one of the transitions below;
// `moveRequest` applies it under the request's row lock and, in the caller's transaction, writes
// the status, its timeline (audit) event, the email that goes with it (if any) and the intent to
// bring Procore's records up to date. Nothing else changes a request's status.

const open: RequestStatus[] = ['pending', 'under_review', 'awaiting_new_coi', 'compliant', 'waived'];
const received: RequestStatus[] = ['under_review', 'awaiting_new_coi', 'compliant', 'waived'];

export const transitions = {
  /** The sub sent files. */
  receive: { from: ['pending', 'awaiting_new_coi'], to: 'under_review' },
  /** The check after a read: the certificate meets the requirements. */
  comply: { from: ['under_review', 'awaiting_new_coi'], to: 'compliant' },
  /** The check after a read: the certificate falls short, and the sub is told. */
  fallShort: { from: ['under_review', 'awaiting_new_coi'], to: 'awaiting_new_coi' },
  /** A correction made a compliant certificate doubtful again. */
  doubt: { from: ['compliant'], to: 'under_review' },
  /** A person approved the certificate as compliant once no deficiency remained. */
  approveCompliant: { from: ['under_review', 'awaiting_new_coi'], to: 'compliant' },
  /** A person finished the review. */
  finishCompliant: { from: ['under_review', 'awaiting_new_coi', 'compliant'], to: 'compliant' },
  finishDeficient: { from: ['under_review', 'awaiting_new_coi', 'compliant'], to: 'awaiting_new_coi' },
  /** A person sent the sub a note on what to send. */
  note: { from: received, to: 'awaiting_new_coi' },
  /** Approved with an override until an end date. */
  waive: { from: open, to: 'waived' },
  /** A global certificate now meets a project's own requirements. */
  closeGap: { from: ['awaiting_new_coi'], to: 'compliant' },
  /** A policy expired, a waiver ended or a renewal is due: the sub is asked for a new certificate. */
  expire: { from: ['compliant', 'waived'], to: 'awaiting_new_coi' },
  cancel: { from: ['pending'], to: 'cancelled' },
  archive: { from: open, to: 'archived' },
  /** Back to the status it had when it was archived (the caller names it). */
  unarchive: { from: ['archived'], to: open },
} as const satisfies Record<string, { from: readonly RequestStatus[]; to: RequestStatus | readonly RequestStatus[] }>;

export type Transition = keyof typeof transitions;

export interface Move {
  companyId: string;
  requestId: string;
  transition: Transition;
  actor: Actor;
  reason: string;
  /** The status to move to, for a transition with several (unarchive); must be one of them. */
  to?: RequestStatus;
  /** Why Procore's record should say what it says, when it is more than the status (e.g. "expired"). */
  procoreReason?: string;
  /** Queues the email that goes with this change (only when the move happens); its outbox id. */
  email?: (trx: Knex.Transaction) => Promise<string | null>;
}

export interface Moved {
  /** The request is now in the transition's status (it may already have been). */
  moved: boolean;
  from: RequestStatus | null;
  emailId: string | null;
}

/** Applies one transition; moved is false (and nothing is written) when the request is not in a status it starts from. */
export async function moveRequest(trx: Knex.Transaction, m: Move): Promise<Moved> {
  const t = transitions[m.transition];
  const targets: readonly RequestStatus[] = typeof t.to === 'string' ? [t.to] : t.to;
  const to = m.to ?? (typeof t.to === 'string' ? t.to : undefined);
  if (!to || !targets.includes(to)) throw new Error(`transition ${m.transition} cannot end in ${String(m.to)}`);
  const current = await lockRequestStatus(trx, m.companyId, m.requestId);
  if (!current || !(t.from as readonly RequestStatus[]).includes(current)) return { moved: false, from: current, emailId: null };
  if (current !== to) {
    await setRequestStatus(trx, m.companyId, m.requestId, to);
    await addEvent(trx, {
      companyId: m.companyId,
      requestId: m.requestId,
      kind: 'status_changed',
      actor: m.actor,
      data: { from: current, to, reason: m.reason, ...(m.procoreReason ? { procoreReason: m.procoreReason } : {}) },
    });
    await wantWriteBack(trx, m.companyId, m.requestId);
  }
  const emailId = m.email ? await m.email(trx) : null;
  return { moved: true, from: current, emailId };
}
