import { z } from 'zod';

// The subcontractor upload portal (/portal/:token): what the page shows and what an upload answers.

/** Limits of one submission; the server enforces them, the page pre-checks them. */
export const portalLimits = {
  maxFiles: 10,
  maxBytes: 20 * 1024 * 1024,
  accepted: ['application/pdf', 'image/png', 'image/jpeg'],
} as const;

export const portalDocumentSchema = z.object({
  filename: z.string(),
  size: z.number().int(),
  createdAt: z.string(),
});
export type PortalDocument = z.infer<typeof portalDocumentSchema>;

/** GET /api/portal/:token */
export const portalInfoSchema = z.object({
  gcName: z.string(),
  vendorName: z.string(),
  /** null: an annual certificate for all of the GC's projects */
  projectName: z.string().nullable(),
  requirements: z.array(z.string()),
  brokerEmail: z.string().nullable(),
  maxFiles: z.number().int(),
  maxBytes: z.number().int(),
  accepted: z.array(z.string()),
  documents: z.array(portalDocumentSchema),
});
export type PortalInfo = z.infer<typeof portalInfoSchema>;

/** Optional text field of POST /api/portal/:token/uploads (multipart/form-data, files in `files`). */
export const portalUploadFieldsSchema = z.object({
  brokerEmail: z
    .string()
    .trim()
    .toLowerCase()
    .max(254)
    .transform((v) => (v === '' ? undefined : v))
    .pipe(z.email('must be a valid email address').optional())
    .optional(),
});

/** POST /api/portal/:token/uploads */
export const portalUploadResultSchema = z.object({
  received: z.array(z.object({ filename: z.string(), size: z.number().int(), duplicate: z.boolean() })),
});
export type PortalUploadResult = z.infer<typeof portalUploadResultSchema>;

/** Error codes of the portal API (besides invalid_input). */
export const portalErrorCodes = {
  linkInvalid: 'link_invalid',
  rateLimited: 'rate_limited',
  noFiles: 'no_files',
  tooManyFiles: 'too_many_files',
  fileTooLarge: 'file_too_large',
  unsupportedType: 'unsupported_type',
  emptyFile: 'empty_file',
  encryptedPdf: 'encrypted_pdf',
  corruptPdf: 'corrupt_pdf',
  noPages: 'no_pages',
  tooManyPages: 'too_many_pages',
  corruptImage: 'corrupt_image',
  imageTooLarge: 'image_too_large',
  unsafePdf: 'unsafe_pdf',
} as const;
