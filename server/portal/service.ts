import { createHash, randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { Services } from '../services';
import { requestWording } from '../requirements/wording';
import { addEvent, systemActor } from '../requests/timeline';
import { moveRequest } from '../requests/lifecycle';
import { parse } from '../http';
import { portalErrorCodes, portalLimits, portalUploadFieldsSchema, type PortalInfo, type PortalUploadResult } from '../contracts/portal';
import { READ_CERTIFICATE } from '../jobs/read-certificate';
import { resolveUploadLink, type LinkTarget } from './links';
import { LinkInvalidError, SubmissionRejectedError } from './errors';
import { inspectFile } from './inspect';
import type { Submission, SubmissionLimits } from './multipart';
import { findPortalRequest, insertDocuments, listDocuments, lockOpenRequest, markUploaded, type NewDocument } from './repository';

// The subcontractor's side of a request: what the upload page shows, and taking in files.

const subcontractor = systemActor('Subcontractor');

export async function portalInfo(s: Services, token: string): Promise<PortalInfo> {
  const target = await resolveUploadLink(s.db, token);
  const request = target && (await findPortalRequest(s.db, target.requestId));
  if (!target || !request) throw new LinkInvalidError();
  return {
    gcName: request.gcName,
    vendorName: request.vendorName,
    projectName: request.projectName,
    requirements: await requestWording(s.db, request),
    brokerEmail: request.brokerEmail,
    maxFiles: portalLimits.maxFiles,
    maxBytes: portalLimits.maxBytes,
    accepted: [...portalLimits.accepted],
    documents: await listDocuments(s.db, target.requestId),
  };
}

/**
 * Takes one submission, all or nothing: every file is checked before anything is stored, then
 * one transaction stores the new documents, the broker's address, the timeline event and the
 * move to Under review. Reading starts only after that commit.
 */
export async function receiveUpload(
  s: Services,
  token: string,
  read: (limits: SubmissionLimits) => Promise<Submission>,
): Promise<PortalUploadResult> {
  const target = await resolveUploadLink(s.db, token);
  if (!target) throw new LinkInvalidError();
  const submission = await read({ maxFiles: portalLimits.maxFiles, maxBytes: portalLimits.maxBytes });
  const { brokerEmail } = parse(portalUploadFieldsSchema, { brokerEmail: submission.fields.brokerEmail }, 'broker email');
  const files = await checkFiles(submission);
  const uploadId = randomUUID();
  const { received, stored } = await s.db.transaction((trx) => storeSubmission(trx, token, { ...target, uploadId, files, brokerEmail }));
  if (stored > 0) {
    // The files are safely stored; a queue hiccup must not turn that into an error for the sender.
    await s.enqueue(READ_CERTIFICATE, { requestId: target.requestId, uploadId }, { singletonKey: uploadId }).catch((err: unknown) => {
      s.log.error({ err, requestId: target.requestId, uploadId }, 'could not enqueue reading of an upload');
    });
  }
  return { received };
}

async function checkFiles(submission: Submission): Promise<NewDocument[]> {
  if (submission.files.length === 0) {
    throw new SubmissionRejectedError(400, portalErrorCodes.noFiles, 'Choose at least one file to send.');
  }
  const files: NewDocument[] = [];
  for (const f of submission.files) {
    const contentType = await inspectFile(f.filename, f.bytes);
    files.push({ filename: f.filename, contentType, bytes: f.bytes, sha256: createHash('sha256').update(f.bytes).digest() });
  }
  return files;
}

interface Upload extends LinkTarget {
  uploadId: string;
  files: NewDocument[];
  brokerEmail: string | undefined;
}

async function storeSubmission(trx: Knex.Transaction, token: string, u: Upload): Promise<PortalUploadResult & { stored: number }> {
  // The link may have been revoked, or the request closed, while the files were arriving.
  if (!(await resolveUploadLink(trx, token)) || !(await lockOpenRequest(trx, u.requestId))) throw new LinkInvalidError();
  const unique = [...new Map(u.files.map((f) => [f.sha256.toString('hex'), f])).values()];
  const storedHashes = await insertDocuments(trx, { companyId: u.companyId, requestId: u.requestId, uploadId: u.uploadId, files: unique });
  const received = u.files.map((f, i) => {
    const firstInSubmission = u.files.findIndex((g) => g.sha256.equals(f.sha256)) === i;
    return { filename: f.filename, size: f.bytes.length, duplicate: !(firstInSubmission && storedHashes.has(f.sha256.toString('hex'))) };
  });
  await markUploaded(trx, u.requestId, u.brokerEmail);
  await addEvent(trx, {
    companyId: u.companyId,
    requestId: u.requestId,
    kind: 'upload',
    actor: subcontractor,
    data: { uploadId: u.uploadId, files: received, ...(u.brokerEmail ? { brokerEmail: u.brokerEmail } : {}) },
  });
  if (storedHashes.size > 0) {
    await moveRequest(trx, { companyId: u.companyId, requestId: u.requestId, transition: 'receive', actor: subcontractor, reason: 'Certificate received' });
  }
  return { received, stored: storedHashes.size };
}
