import { useState, type ReactNode } from 'react';
import styled from 'styled-components';
import { companySettingsSchema, isTimeZone, type CompanySettings } from '../../../server/contracts/requests';
import { useCompanySettings, useSaveSettings } from '../api/settings';
import { errorSentence } from '../components/ApiErrorNotice';
import { Button, colors, Input, spacing } from '../components/core';
import { Dialog, DialogActions } from '../components/Dialog';
import { QueryState } from '../components/QueryState';
import { Checkbox } from '../components/Checkbox';
import { Notice } from '../components/ui';
import { ProcoreGrantSection } from './ProcoreGrantSection';
import { AutomaticProblems } from './AutomaticProblems';
import { SmsSettingsSection } from './SmsSettingsSection';
import { CheckLabel, SettingsField } from './settings-parts';

// Company settings: automatic requests (new commitments, vendors joining a project), the reminder
// cadence, the renewal window, the company's time zone and how long
// upload links live. Anyone may read them; the server lets only compliance managers save.

const Hint = styled.span`
  font-size: 12px;
  color: ${colors.gray45};
`;

interface Form {
  autoRequestCommitments: boolean;
  autoRequestProjectVendors: boolean;
  reminderDays: string;
  reminderEveryDays: string;
  linkTtlDays: string;
  renewalDays: string;
  timeZone: string;
}

const toForm = (settings: CompanySettings): Form => ({
  autoRequestCommitments: settings.autoRequestCommitments,
  autoRequestProjectVendors: settings.autoRequestProjectVendors,
  reminderDays: settings.reminderDays.join(', '),
  reminderEveryDays: String(settings.reminderEveryDays),
  linkTtlDays: String(settings.linkTtlDays),
  renewalDays: String(settings.renewalDays),
  timeZone: settings.timeZone,
});

const toNumber = (text: string): number => (text.trim() === '' ? Number.NaN : Number(text.trim()));

/** Only what changed is sent; null when a value breaks the contract's limits. */
export function settingsPatch(form: Form, saved: CompanySettings): Partial<CompanySettings> | null {
  const parsed = companySettingsSchema.safeParse({
    autoRequestCommitments: form.autoRequestCommitments,
    autoRequestProjectVendors: form.autoRequestProjectVendors,
    reminderDays: form.reminderDays.split(/[\s,]+/).filter((part) => part !== '').map(toNumber),
    reminderEveryDays: toNumber(form.reminderEveryDays),
    linkTtlDays: toNumber(form.linkTtlDays),
    renewalDays: toNumber(form.renewalDays),
    timeZone: form.timeZone,
  });
  if (!parsed.success) return null;
  const next = parsed.data;
  const patch: Partial<CompanySettings> = {};
  if (next.autoRequestCommitments !== saved.autoRequestCommitments) patch.autoRequestCommitments = next.autoRequestCommitments;
  if (next.autoRequestProjectVendors !== saved.autoRequestProjectVendors) patch.autoRequestProjectVendors = next.autoRequestProjectVendors;
  if (next.reminderDays.join() !== saved.reminderDays.join()) patch.reminderDays = next.reminderDays;
  if (next.reminderEveryDays !== saved.reminderEveryDays) patch.reminderEveryDays = next.reminderEveryDays;
  if (next.linkTtlDays !== saved.linkTtlDays) patch.linkTtlDays = next.linkTtlDays;
  if (next.renewalDays !== saved.renewalDays) patch.renewalDays = next.renewalDays;
  if (next.timeZone !== saved.timeZone) patch.timeZone = next.timeZone;
  return patch;
}

function SettingField({ id, label, hint, value, onChange, numeric = true }: { id: string; label: string; hint: ReactNode; value: string; onChange: (value: string) => void; numeric?: boolean }) {
  return (
    <SettingsField>
      <label htmlFor={id}>{label}</label>
      <Input id={id} inputMode={numeric ? 'numeric' : 'text'} value={value} aria-describedby={`${id}-hint`} onChange={(event) => onChange(event.target.value)} />
      <Hint id={`${id}-hint`}>{hint}</Hint>
    </SettingsField>
  );
}

function SettingsForm({ companyId, saved, onClose }: { companyId: string; saved: CompanySettings; onClose: () => void }) {
  const [form, setForm] = useState<Form>(() => toForm(saved));
  const save = useSaveSettings(companyId);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));
  const patch = settingsPatch(form, saved);
  const changed = patch !== null && Object.keys(patch).length > 0;
  return (
    <form
      style={{ display: 'flex', flexDirection: 'column', gap: spacing.md }}
      onSubmit={(event) => {
        event.preventDefault();
        if (changed && !save.isPending) save.mutate(patch, { onSuccess: (next) => setForm(toForm(next)) });
      }}
    >
      <CheckLabel>
        <Checkbox checked={form.autoRequestCommitments} onChange={(event) => set('autoRequestCommitments', event.target.checked)} />
        <span>Request a COI automatically when a commitment is created in Procore</span>
      </CheckLabel>
      <CheckLabel>
        <Checkbox checked={form.autoRequestProjectVendors} onChange={(event) => set('autoRequestProjectVendors', event.target.checked)} />
        <span>Request a COI automatically when a vendor is added to a project in Procore</span>
      </CheckLabel>
      <AutomaticProblems companyId={companyId} />
      <SettingField id="settings-reminder-days" label="Reminder days" hint="Days after the request, separated by commas, e.g. 3, 7, 14." value={form.reminderDays} onChange={(value) => set('reminderDays', value)} />
      <SettingField id="settings-every" label="Then remind every (days)" hint="After the last reminder day, until a certificate arrives." value={form.reminderEveryDays} onChange={(value) => set('reminderEveryDays', value)} />
      <SettingField id="settings-link" label="Upload link lifetime (days)" hint="How long the emailed upload link works." value={form.linkTtlDays} onChange={(value) => set('linkTtlDays', value)} />
      <SettingField id="settings-renewal" label="Renewal window (days)" hint="Policies expiring within this many days are asked to renew." value={form.renewalDays} onChange={(value) => set('renewalDays', value)} />
      <SettingField
        id="settings-time-zone"
        label="Time zone"
        hint="Where the company works, e.g. America/Chicago: the nightly check with Procore runs at 2 a.m. there."
        value={form.timeZone}
        numeric={false}
        onChange={(value) => set('timeZone', value)}
      />
      {patch === null &&
        (isTimeZone(form.timeZone.trim()) ? (
          <Notice tone="attention">Use whole numbers: up to 10 reminder days of 1–365, every 1–90 days, links and renewal windows of 1–365 days.</Notice>
        ) : (
          <Notice tone="attention">“{form.timeZone}” is not a time zone name. Use one such as America/New_York or Europe/London.</Notice>
        ))}
      {save.isError && <Notice tone="error">{errorSentence(save.error)}</Notice>}
      {save.isSuccess && !changed && <Notice tone="info">Settings saved.</Notice>}
      <DialogActions>
        <Button type="button" variant="secondary" onClick={onClose}>
          Close
        </Button>
        <Button type="submit" variant="primary" loading={save.isPending} disabled={!changed}>
          Save settings
        </Button>
      </DialogActions>
    </form>
  );
}

export default function SettingsDialog({ companyId, onClose }: { companyId: string; onClose: () => void }) {
  const query = useCompanySettings(companyId);
  return (
    <Dialog title="Settings" onClose={onClose}>
      <ProcoreGrantSection companyId={companyId} />
      <SmsSettingsSection companyId={companyId} />
      <QueryState query={query} loadingLabel="Loading settings…">
        {(settings) => <SettingsForm companyId={companyId} saved={settings} onClose={onClose} />}
      </QueryState>
    </Dialog>
  );
}
