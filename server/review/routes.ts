import { Router } from 'express';
import type { Services } from '../services';
import { requestParamsSchema } from '../contracts/requests';
import { addLineSchema, approveCompliantSchema, approveSchema, handOffSchema, correctionSchema, documentParamsSchema, finishSchema, noteSchema } from '../contracts/review';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { approveWithOverride, correctValue, documentFile, readReview, sendNote } from './service';
import { finishReview } from './finish';
import { authorize, authorizeDocument, authorizeRequest } from '../permissions/authorize';
import { leaveHandOff, takeHandOff } from './handoff';
import { companyParamsSchema } from '../contracts/directory';
import { approveAsCompliant } from './approve-compliant';
import { addCoverageLine } from './add-line';

// The certificate review screen (compliance managers only; authorize decides): the certificate as read, its file,
// corrections, approval with an override, a note to the sub, and finishing the review.

export function reviewRoutes(s: Services): Router {
  const r = Router();
  const review = '/api/companies/:companyId/requests/:requestId/review';
  r.use('/api/companies', requireUser(s.db));

  r.get(review, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'review.certificates');
    return readReview(s, currentUser(res), companyId, requestId);
  }));
  r.post(`${review}/corrections`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'review.certificates');
    return correctValue(s, currentUser(res), companyId, requestId, parse(correctionSchema, req.body ?? {}, 'correction'));
  }));
  r.post(`${review}/approve`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'review.certificates');
    return approveWithOverride(s, currentUser(res), companyId, requestId, parse(approveSchema, req.body ?? {}, 'approval'));
  }));
  r.post(`${review}/approve-compliant`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'review.certificates');
    parse(approveCompliantSchema, req.body ?? {}, 'approval');
    return approveAsCompliant(s, currentUser(res), companyId, requestId);
  }));
  r.post(`${review}/lines`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'review.certificates');
    return addCoverageLine(s, currentUser(res), companyId, requestId, parse(addLineSchema, req.body ?? {}, 'coverage line'));
  }));
  r.post(`${review}/note`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'review.certificates');
    return sendNote(s, currentUser(res), companyId, requestId, parse(noteSchema, req.body ?? {}, 'note'));
  }));
  r.post(`${review}/finish`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'review.certificates');
    parse(finishSchema, req.body ?? {}, 'finish');
    return finishReview(s, currentUser(res), companyId, requestId);
  }));
  r.post(`${review}/hand-off`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'review.certificates');
    parse(handOffSchema, req.body ?? {}, 'hand-off');
    return leaveHandOff(s, currentUser(res), companyId, requestId);
  }));
  r.post('/api/companies/:companyId/review-hand-off/take', handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'review.certificates');
    return takeHandOff(s, currentUser(res), companyId);
  }));
  r.get('/api/companies/:companyId/documents/:documentId/file', (req, res, next) => {
    const { companyId, documentId } = parse(documentParamsSchema, req.params, 'document');
    authorizeDocument(s, currentUser(res), companyId, documentId, 'review.certificates').then(() => documentFile(s, companyId, documentId)).then((file) => {
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `inline; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(file.bytes);
    }, next);
  });
  return r;
}
