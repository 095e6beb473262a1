import { act, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PortalInfo } from '../../server/contracts/portal';
import { UploadForm } from './UploadForm';

/** A stand-in XMLHttpRequest the test answers by hand. */
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  responseType = '';
  status = 0;
  response: unknown = null;
  sent: FormData | null = null;
  open() {}
  send(body: FormData) {
    this.sent = body;
    FakeXhr.last = this;
  }
  answer(status: number, response: unknown) {
    this.status = status;
    this.response = response;
    this.onload?.();
  }
}

const info: PortalInfo = {
  gcName: 'Summit Ridge Builders',
  vendorName: 'Keystone Concrete',
  projectName: 'Harbor Point',
  requirements: ['General liability'],
  brokerEmail: null,
  maxFiles: 10,
  maxBytes: 20 * 1024 * 1024,
  accepted: ['application/pdf', 'image/png', 'image/jpeg'],
  documents: [],
};

const pdf = (name: string) => new File(['%PDF-1.7 test'], name, { type: 'application/pdf' });

beforeEach(() => vi.stubGlobal('XMLHttpRequest', FakeXhr));
afterEach(() => vi.unstubAllGlobals());

function choose(files: File[]) {
  fireEvent.change(screen.getByLabelText(/choose files/i), { target: { files } });
}

describe('UploadForm', () => {
  it('sends the chosen files with the broker email, shows progress, and says Received only after the server answered', async () => {
    const onReceived = vi.fn();
    render(<UploadForm token="t" info={info} onReceived={onReceived} />);
    choose([pdf('coi.pdf'), pdf('endorsement.pdf')]);
    fireEvent.click(screen.getByRole('button', { name: 'Remove endorsement.pdf' }));
    fireEvent.change(screen.getByLabelText(/broker's email/i), { target: { value: 'agent@broker.example' } });
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const xhr = FakeXhr.last!;
    expect(xhr.sent!.getAll('files').map((f) => (f as File).name)).toEqual(['coi.pdf']);
    expect(xhr.sent!.get('brokerEmail')).toBe('agent@broker.example');
    act(() => xhr.upload.onprogress?.({ lengthComputable: true, loaded: 40, total: 100 }));
    expect(screen.getByRole('progressbar', { name: 'Upload progress' }).getAttribute('aria-valuenow')).toBe('40');
    expect(screen.queryByText(/Received/)).toBeNull();
    await act(async () => xhr.answer(200, { data: { received: [{ filename: 'coi.pdf', size: 13, duplicate: false }] } }));
    expect(screen.getByRole('status').textContent).toMatch(/Received.*coi\.pdf/);
    expect(onReceived).toHaveBeenCalledOnce();
  });

  it('refuses a wrong type before sending, and shows a server refusal next to the file it names', async () => {
    render(<UploadForm token="t" info={info} onReceived={() => {}} />);
    choose([new File(['x'], 'notes.docx')]);
    expect(screen.getByRole('alert').textContent).toMatch(/not a PDF, PNG or JPEG/);
    expect((screen.getByRole('button', { name: 'Send' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove notes.docx' }));
    choose([pdf('locked.pdf')]);
    fireEvent.click(screen.getByRole('button', { name: 'Send' }));
    const message = 'This PDF is password-protected. Please send the certificate as a PDF without a password, or a photo of it.';
    await act(async () => FakeXhr.last!.answer(422, { error: { code: 'encrypted_pdf', message: `locked.pdf: ${message}` } }));
    expect(screen.getAllByRole('alert').map((a) => a.textContent)).toContain(message);
    expect(screen.queryByRole('status')).toBeNull();
  });
});
