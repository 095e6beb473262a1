import type { PortalInfo, PortalUploadResult } from '../../server/contracts/portal';

// The portal's two calls. Uploads use XMLHttpRequest because fetch cannot report upload progress.

export class PortalApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const offline = () => new PortalApiError(0, 'network', 'The connection failed. Check your internet connection and try again.');

function failure(status: number, body: unknown): PortalApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  if (error && typeof error.code === 'string' && typeof error.message === 'string') return new PortalApiError(status, error.code, error.message);
  return new PortalApiError(status, 'unexpected', 'Something went wrong on our side. Please try again in a few minutes.');
}

const base = (token: string) => `/api/portal/${encodeURIComponent(token)}`;

export async function loadPortal(token: string): Promise<PortalInfo> {
  let res: Response;
  try {
    res = await fetch(base(token), { headers: { accept: 'application/json' } });
  } catch {
    throw offline();
  }
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) throw failure(res.status, body);
  return (body as { data: PortalInfo }).data;
}

export function sendFiles(token: string, files: File[], brokerEmail: string, onProgress: (percent: number) => void): Promise<PortalUploadResult> {
  const form = new FormData();
  for (const file of files) form.append('files', file, file.name);
  if (brokerEmail.trim()) form.append('brokerEmail', brokerEmail.trim());
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${base(token)}/uploads`);
    xhr.responseType = 'json';
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(Math.round((e.loaded / e.total) * 100));
    };
    xhr.onload = () => {
      if (xhr.status === 200) resolve((xhr.response as { data: PortalUploadResult }).data);
      else reject(failure(xhr.status, xhr.response));
    };
    xhr.onerror = () => reject(offline());
    xhr.send(form);
  });
}
