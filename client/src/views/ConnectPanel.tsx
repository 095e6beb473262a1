import { useState } from 'react';
import styled from 'styled-components';
import { setSessionToken } from '../api/token';
import { Button, colors, H1, spacing } from '../components/core';
import { Notice } from '../components/ui';
import { openSignInPopup, SignInError } from '../host/signInPopup';

const Box = styled.section`
  display: flex;
  flex-direction: column;
  align-items: flex-start;
  gap: ${spacing.md}px;
  max-width: 480px;
  color: ${colors.gray15};
  font-size: 14px;
  line-height: 20px;
`;

interface ConnectPanelProps {
  /** Why the user is asked (e.g. Procore revoked the app's access); defaults to the first-time sentence. */
  reason?: string;
  signIn?: () => Promise<string>;
}

/** Asks the user to connect their Procore account; sign-in runs in a popup because Procore cannot be framed. */
export function ConnectPanel({ reason, signIn = () => openSignInPopup() }: ConnectPanelProps) {
  const [waiting, setWaiting] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const connect = async (): Promise<void> => {
    setWaiting(true);
    setProblem(null);
    try {
      setSessionToken(await signIn());
    } catch (error) {
      setProblem(error instanceof SignInError ? error.message : 'Sign-in did not complete. Try again.');
    } finally {
      setWaiting(false);
    }
  };

  return (
    <Box aria-labelledby="connect-title">
      {/* The screen's one h1, at core-react's h2 size: the panel is small. */}
      <H1 id="connect-title" style={{ fontSize: 20, lineHeight: '28px', fontWeight: 600 }}>
        Connect to Procore
      </H1>
      <p style={{ margin: 0 }}>
        {reason ??
          'COI Compliance reads your Procore directory with your own Procore permissions. Sign in once with Procore to continue; a small window opens for it.'}
      </p>
      {problem !== null && <Notice tone="error">{problem}</Notice>}
      <Button variant="primary" loading={waiting} disabled={waiting} onClick={() => void connect()}>
        Connect to Procore
      </Button>
    </Box>
  );
}
