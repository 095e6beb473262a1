// One plain sentence per timeline event.

type Data = Record<string, unknown>;
const list = (v: unknown) => (Array.isArray(v) ? v.join(', ') : '');

const statusLabels: Record<string, string> = {
  pending: 'Pending',
  under_review: 'Under review',
  awaiting_new_coi: 'Awaiting New COI',
  compliant: 'Compliant',
  waived: 'Waived',
  cancelled: 'Cancelled',
  archived: 'Archived',
};

const describers: Record<string, (d: Data) => string> = {
  requested: (d) => `Certificate requested: ${String(d.how ?? d.origin)}.`,
  email_queued: (d) => `${d.emailKind === 'reminder' ? 'Reminder' : 'Email'} to ${list(d.to)}${list(d.cc) ? ` (cc ${list(d.cc)})` : ''}: not yet delivered.`,
  email_sent: (d) => `${d.emailKind === 'reminder' ? 'Reminder' : 'Email'} delivered to ${list(d.to)}${list(d.cc) ? ` (cc ${list(d.cc)})` : ''}: "${String(d.subject ?? '')}".`,
  email_failed: (d) => `Email not yet delivered: ${String(d.error ?? 'the mail server refused it')}. It will be retried.`,
  upload: (d) => `Received ${Array.isArray(d.files) ? d.files.length : 0} file(s): ${Array.isArray(d.files) ? d.files.map((f) => (f as { filename?: string }).filename).join(', ') : ''}.`,
  status_changed: (d) => `Status: ${statusLabels[String(d.from)] ?? String(d.from)} → ${statusLabels[String(d.to)] ?? String(d.to)}${d.reason ? ` (${String(d.reason)})` : ''}.`,
  reminder_queued: (d) => `Reminder ${String(d.number ?? '')} scheduled.`,
  link_extended: (d) => `Upload link extended${d.until ? ` until ${String(d.until)}` : ''}.`,
  renewal_requested: (d) => `Renewal requested: ${Array.isArray(d.policies) ? d.policies.map((p) => `${String((p as { line?: string }).line)} expires ${String((p as { expiresOn?: string }).expiresOn)}`).join('; ') : 'policies expire soon'}.`,
  cancelled: () => 'Request cancelled.',
  archived: () => 'Request archived.',
  unarchived: (d) => `Request unarchived: back to ${statusLabels[String(d.status)] ?? String(d.status ?? '')}.`,
  deleted: (d) => `Request deleted: ${String(d.reason ?? '')}`,
  read: (d) => `Certificate read${d.filename ? ` (${String(d.filename)})` : ''}.`,
  evaluated: (d) => String(d.message ?? d.summary ?? 'Certificate checked against the requirements.'),
  coverage_gap: (d) => String(d.message ?? 'This project has requirements of its own that the global certificate does not meet.'),
  extraction_corrected: (d) => `Corrected ${String(d.label ?? d.pointer ?? 'a value')} from ${String(d.from)} to ${String(d.to)}${d.reason ? ` (${String(d.reason)})` : ''}.`,
  waived: (d) => `Approved with an override until ${String(d.until ?? '')}: ${String(d.reason ?? '')}`,
  approved_compliant: (d) => `Approved as compliant after review${Array.isArray(d.setAside) && d.setAside.length ? `; points set aside: ${d.setAside.map(String).join(' ')}` : ''}.`,
  note_sent: (d) => `Note sent to the subcontractor${d.message ? `: "${String(d.message)}"` : ''}.`,
  review_finished: (d) => String(d.message ?? 'Review finished.'),
  text_queued: (d) => `Text reminder to ${String(d.to ?? '')}: not yet delivered.`,
  text_sent: (d) => `Text reminder delivered to ${String(d.to ?? '')}.`,
  text_failed: (d) => `Text not delivered: ${String(d.error ?? 'the SMS provider refused it')}.`,
  mobile_changed: (d) => (d.mobile ? `Mobile for text reminders set to ${String(d.mobile)}.` : 'Mobile for text reminders removed.'),
  read_failed: (d) => `Could not read ${String(d.filename ?? 'a file')}: ${String(d.message ?? d.error ?? 'unknown reason')}. Flagged for a person.`,
};

export function describeEvent(kind: string, data: unknown): string {
  const d = (data && typeof data === 'object' ? data : {}) as Data;
  return describers[kind]?.(d) ?? kind.replace(/_/g, ' ');
}
