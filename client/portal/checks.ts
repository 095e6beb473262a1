// Quick checks in the browser before sending, so a sender hears at once about a wrong file.
// The server checks every file again by its content and has the last word.

const extensions = ['.pdf', '.png', '.jpg', '.jpeg'];

export const acceptAttribute = [...extensions, 'application/pdf', 'image/png', 'image/jpeg'].join(',');

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** What is wrong with one chosen file, or null. */
export function fileProblem(file: { name: string; size: number }, maxBytes: number): string | null {
  const name = file.name.toLowerCase();
  if (!extensions.some((ext) => name.endsWith(ext))) return 'This is not a PDF, PNG or JPEG file. Send the certificate as a PDF, or a photo of it.';
  if (file.size === 0) return 'This file is empty. Choose the certificate file again.';
  if (file.size > maxBytes) return `This file is ${formatSize(file.size)}; the limit is ${formatSize(maxBytes)}. Send a smaller copy.`;
  return null;
}

/** What is wrong with the number of chosen files, or null. */
export function countProblem(count: number, maxFiles: number): string | null {
  return count > maxFiles ? `Send at most ${maxFiles} files at a time; remove ${count - maxFiles}.` : null;
}

/** The file a server refusal names ("name.pdf: what to send instead"), if it is one of ours. */
export function fileNamedIn(message: string, names: string[]): string | null {
  return names.find((n) => message.startsWith(`${n}: `)) ?? null;
}
