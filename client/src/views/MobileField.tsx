import { useState } from 'react';
import styled from 'styled-components';
import { e164Schema } from '../../../server/contracts/notifications';
import { useSetRequestMobile } from '../api/notifications';
import { errorSentence } from '../components/ApiErrorNotice';
import { Button, Input, spacing } from '../components/core';
import { Notice } from '../components/ui';

// The sub's mobile on a request, for text reminders (when the company texts): international
// form only, checked here and again by the server.

const Row = styled.form`
  display: flex;
  gap: ${spacing.sm}px;
  align-items: flex-end;
  input {
    box-sizing: border-box;
  }
`;

export function MobileField({ companyId, requestId, mobile }: { companyId: string; requestId: string; mobile: string | null }) {
  const [value, setValue] = useState(mobile ?? '');
  const save = useSetRequestMobile(companyId, requestId);
  const trimmed = value.trim();
  const parsed = trimmed === '' ? null : e164Schema.safeParse(trimmed);
  const invalid = parsed !== null && !parsed.success;
  const changed = trimmed !== (mobile ?? '');
  return (
    <div>
      <Row
        onSubmit={(event) => {
          event.preventDefault();
          if (!invalid && changed) save.mutate(trimmed === '' ? null : trimmed);
        }}
      >
        <div style={{ flex: 1 }}>
          <label htmlFor={`mobile-${requestId}`}>Mobile for text reminders</label>
          <Input id={`mobile-${requestId}`} inputMode="tel" placeholder="+14155550123" value={value} onChange={(event) => setValue(event.target.value)} aria-invalid={invalid} />
        </div>
        <Button type="submit" variant="secondary" loading={save.isPending} disabled={invalid || !changed}>
          Save mobile
        </Button>
      </Row>
      {invalid && <Notice tone="attention">Enter the number in international form: a plus, the country code and the number, such as +14155550123.</Notice>}
      {save.isError && <Notice tone="error">{errorSentence(save.error)}</Notice>}
    </div>
  );
}
