import { useId, useState, type FormEvent } from 'react';
import type { PortalInfo, PortalUploadResult } from '../../server/contracts/portal';
import { PortalApiError, sendFiles } from './api';
import { countProblem, fileNamedIn, fileProblem } from './checks';
import { FileChooser, type Chosen } from './FileChooser';

type Sending = { kind: 'idle' } | { kind: 'sending'; percent: number } | { kind: 'failed'; message: string } | { kind: 'done'; result: PortalUploadResult };

let nextId = 0;

export function UploadForm({ token, info, onReceived }: { token: string; info: PortalInfo; onReceived(): void }) {
  const brokerId = useId();
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [brokerEmail, setBrokerEmail] = useState(info.brokerEmail ?? '');
  const [sending, setSending] = useState<Sending>({ kind: 'idle' });
  const busy = sending.kind === 'sending';
  const tooMany = countProblem(chosen.length, info.maxFiles);
  const blocked = chosen.length === 0 || Boolean(tooMany) || chosen.some((c) => c.problem);

  const add = (files: File[]) => {
    setSending({ kind: 'idle' });
    setChosen((current) => [
      ...current,
      ...files
        .filter((f) => !current.some((c) => c.file.name === f.name && c.file.size === f.size && c.file.lastModified === f.lastModified))
        .map((file) => ({ id: String(++nextId), file, problem: fileProblem(file, info.maxBytes) })),
    ]);
  };
  const remove = (id: string) => setChosen((current) => current.filter((c) => c.id !== id));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (blocked || busy) return;
    setSending({ kind: 'sending', percent: 0 });
    sendFiles(token, chosen.map((c) => c.file), brokerEmail, (percent) => setSending({ kind: 'sending', percent })).then(
      (result) => {
        setChosen([]);
        setSending({ kind: 'done', result });
        onReceived();
      },
      (error: unknown) => {
        const message = error instanceof PortalApiError ? error.message : 'The upload failed. Please try again.';
        const named = fileNamedIn(message, chosen.map((c) => c.file.name));
        if (named) setChosen((current) => current.map((c) => (c.file.name === named ? { ...c, problem: message.slice(named.length + 2) } : c)));
        setSending({ kind: 'failed', message });
      },
    );
  };

  return (
    <form onSubmit={submit} aria-labelledby="send-heading" noValidate>
      <h2 id="send-heading">Send the certificate</h2>
      <FileChooser chosen={chosen} disabled={busy} onAdd={add} onRemove={remove} />
      {tooMany && <p className="problem" role="alert">{tooMany}</p>}
      <label htmlFor={brokerId} className="field">
        Your insurance agent or broker&apos;s email <span className="muted">(optional)</span>
      </label>
      <input
        id={brokerId}
        type="email"
        autoComplete="email"
        inputMode="email"
        value={brokerEmail}
        disabled={busy}
        onChange={(e) => setBrokerEmail(e.target.value)}
      />
      <button type="submit" className="primary" disabled={blocked || busy}>
        {busy ? 'Sending…' : 'Send'}
      </button>
      {busy && (
        <div className="progress" role="progressbar" aria-label="Upload progress" aria-valuemin={0} aria-valuemax={100} aria-valuenow={sending.percent}>
          <div style={{ width: `${sending.percent}%` }} />
        </div>
      )}
      {sending.kind === 'failed' && <p className="notice error" role="alert">{sending.message}</p>}
      {sending.kind === 'done' && <Received result={sending.result} />}
    </form>
  );
}

function Received({ result }: { result: PortalUploadResult }) {
  const allKnown = result.received.every((f) => f.duplicate);
  return (
    <div className="notice success" role="status">
      <p>
        <strong>Received.</strong>{' '}
        {allKnown ? 'We already had these files; nothing more is needed for them.' : 'Thank you. We will check the certificate and let you know if anything is missing.'}
      </p>
      <ul>
        {result.received.map((f, i) => (
          <li key={`${f.filename}-${i}`}>
            {f.filename}
            {f.duplicate ? ' (already received)' : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
