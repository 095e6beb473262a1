/** Bounds on the work one document may cause. */
export interface ReadOptions {
  /** Pages read; the rest are noted in a warning. */
  maxPages?: number;
  /** Documents with more pages are refused outright. */
  maxDocumentPages?: number;
  /** Largest picture (width x height) accepted or rendered for OCR. */
  maxPixels?: number;
  /** Wall-clock budget for one document. */
  timeoutMs?: number;
  /** Skip OCR (image-only pages then yield a warning). */
  ocr?: boolean;
}

export const defaults: Required<ReadOptions> = {
  maxPages: 30,
  maxDocumentPages: 300,
  maxPixels: 40_000_000,
  timeoutMs: 120_000,
  ocr: true,
};
