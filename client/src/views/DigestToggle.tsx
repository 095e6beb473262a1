import { useState } from 'react';
import styled from 'styled-components';
import { useDigest, useSetDigest } from '../api/notifications';
import { errorSentence } from '../components/ApiErrorNotice';
import { Checkbox } from '../components/Checkbox';
import { spacing } from '../components/core';

// The signed-in user's own daily digest email: one click on, one click off.

const Label = styled.label`
  display: inline-flex;
  gap: ${spacing.xs}px;
  align-items: center;
  font-size: 14px;
`;

export function DigestToggle({ companyId }: { companyId: string }) {
  const state = useDigest(companyId);
  const set = useSetDigest(companyId);
  // While saving, the box shows what was clicked (set in the click itself, so it never flickers
  // back before the save starts); on a refusal it goes back to what the server keeps.
  const [clicked, setClicked] = useState<boolean | null>(null);
  if (!state.data) return null;
  const checked = clicked ?? state.data.subscribed;
  const change = (value: boolean) => {
    setClicked(value);
    set.mutate(value, { onSettled: () => setClicked(null) });
  };
  return (
    <Label title="Each morning, an email of certificates that became compliant or deficient, expire within 30 days, or whose subs do not respond">
      <Checkbox checked={checked} disabled={set.isPending} onChange={(event) => change(event.target.checked)} />
      <span>Email me a daily digest</span>
      {set.isError && <span role="alert">{errorSentence(set.error)}</span>}
    </Label>
  );
}
