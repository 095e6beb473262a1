import { useState } from 'react';
import { smsSettingsPatchSchema, type SmsSettings, type SmsSettingsPatch } from '../../../server/contracts/notifications';
import { useSaveSmsSettings, useSmsSettings } from '../api/notifications';
import { errorSentence } from '../components/ApiErrorNotice';
import { Checkbox } from '../components/Checkbox';
import { Button, Input, spacing } from '../components/core';
import { QueryState } from '../components/QueryState';
import { Notice } from '../components/ui';
import { CheckLabel, SettingsField, SettingsSection } from './settings-parts';

// Settings: text-message reminders through a Twilio-compatible account. The auth token is
// write-only: the server keeps it sealed and says only whether one is kept.

interface Form {
  enabled: boolean;
  baseUrl: string;
  accountSid: string;
  authToken: string;
  fromNumber: string;
}

const toForm = (s: SmsSettings): Form => ({ enabled: s.enabled, baseUrl: s.baseUrl ?? '', accountSid: s.accountSid ?? '', authToken: '', fromNumber: s.fromNumber ?? '' });

/** What changed, checked against the contract; the first problem's words otherwise. */
export function smsPatch(form: Form, saved: SmsSettings): { patch: SmsSettingsPatch } | { problem: string } {
  const raw: Record<string, unknown> = {};
  if (form.enabled !== saved.enabled) raw.enabled = form.enabled;
  if (form.baseUrl.trim() !== (saved.baseUrl ?? '')) raw.baseUrl = form.baseUrl.trim();
  if (form.accountSid.trim() !== (saved.accountSid ?? '')) raw.accountSid = form.accountSid.trim();
  if (form.authToken !== '') raw.authToken = form.authToken;
  if (form.fromNumber.trim() !== (saved.fromNumber ?? '')) raw.fromNumber = form.fromNumber.trim();
  const parsed = smsSettingsPatchSchema.safeParse(raw);
  if (parsed.success) return { patch: parsed.data };
  const issue = parsed.error.issues[0];
  return { problem: `${labels[String(issue?.path[0])] ?? 'A value'} ${issue?.message ?? 'is not valid'}.` };
}

const labels: Record<string, string> = { baseUrl: 'The API base URL', accountSid: 'The account SID', authToken: 'The auth token', fromNumber: 'The from number' };

function SmsForm({ companyId, saved }: { companyId: string; saved: SmsSettings }) {
  const [form, setForm] = useState<Form>(() => toForm(saved));
  const save = useSaveSmsSettings(companyId);
  const set = <K extends keyof Form>(key: K, value: Form[K]) => setForm((current) => ({ ...current, [key]: value }));
  const result = smsPatch(form, saved);
  const changed = 'patch' in result && Object.keys(result.patch).length > 0;
  const field = (key: 'baseUrl' | 'accountSid' | 'authToken' | 'fromNumber', label: string, hint?: string) => (
    <SettingsField>
      <label htmlFor={`sms-${key}`}>{label}</label>
      <Input id={`sms-${key}`} type={key === 'authToken' ? 'password' : 'text'} autoComplete="off" placeholder={hint} value={form[key]} onChange={(event) => set(key, event.target.value)} />
    </SettingsField>
  );
  return (
    <form
      style={{ display: 'flex', flexDirection: 'column', gap: spacing.sm }}
      onSubmit={(event) => {
        event.preventDefault();
        if (changed && 'patch' in result) save.mutate(result.patch, { onSuccess: (next) => setForm(toForm(next)) });
      }}
    >
      <CheckLabel>
        <Checkbox checked={form.enabled} onChange={(event) => set('enabled', event.target.checked)} />
        <span>Also send reminders by text message to subs who have a mobile on their request</span>
      </CheckLabel>
      {field('baseUrl', 'API base URL', 'https://api.twilio.com')}
      {field('accountSid', 'Account SID')}
      {field('authToken', saved.hasAuthToken ? 'Auth token (kept; type a new one to replace it)' : 'Auth token')}
      {field('fromNumber', 'From number', '+15005550006')}
      <p style={{ margin: 0, fontSize: 12 }}>Give your SMS provider this address for replies, so STOP is honoured: {saved.inboundUrl}</p>
      {'problem' in result && <Notice tone="attention">{result.problem}</Notice>}
      {save.isError && <Notice tone="error">{errorSentence(save.error)}</Notice>}
      {save.isSuccess && !changed && <Notice tone="info">Text message settings saved.</Notice>}
      <div>
        <Button type="submit" variant="secondary" loading={save.isPending} disabled={!changed}>
          Save text message settings
        </Button>
      </div>
    </form>
  );
}

export function SmsSettingsSection({ companyId }: { companyId: string }) {
  const query = useSmsSettings(companyId);
  return (
    <SettingsSection aria-labelledby="sms-title">
      <h3 id="sms-title">Text message reminders</h3>
      <QueryState query={query} loadingLabel="Loading the text message settings…">
        {(saved) => <SmsForm companyId={companyId} saved={saved} />}
      </QueryState>
    </SettingsSection>
  );
}
