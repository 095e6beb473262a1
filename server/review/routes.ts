import { Router } from 'express';
import type { Services } from '../services';
import { requestParamsSchema } from '../contracts/requests';
import { approveSchema, correctionSchema, documentParamsSchema, noteSchema } from '../contracts/review';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { approveWithOverride, correctValue, documentFile, readReview, sendNote } from './service';

// The certificate review screen (compliance managers only): the certificate as read, its file,
// corrections, approval with an override, and a note to the sub.

export function reviewRoutes(s: Services): Router {
  const r = Router();
  const review = '/api/companies/:companyId/requests/:requestId/review';
  r.use('/api/companies', requireUser(s.db));

  r.get(review, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    return readReview(s, currentUser(res), companyId, requestId);
  }));
  r.post(`${review}/corrections`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    return correctValue(s, currentUser(res), companyId, requestId, parse(correctionSchema, req.body ?? {}, 'correction'));
  }));
  r.post(`${review}/approve`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    return approveWithOverride(s, currentUser(res), companyId, requestId, parse(approveSchema, req.body ?? {}, 'approval'));
  }));
  r.post(`${review}/note`, handle(async (req, res) => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    return sendNote(s, currentUser(res), companyId, requestId, parse(noteSchema, req.body ?? {}, 'note'));
  }));
  r.get('/api/companies/:companyId/documents/:documentId/file', (req, res, next) => {
    const { companyId, documentId } = parse(documentParamsSchema, req.params, 'document');
    documentFile(s, currentUser(res), companyId, documentId).then((file) => {
      res.setHeader('Content-Type', file.contentType);
      res.setHeader('Content-Disposition', `inline; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`);
      res.setHeader('Cache-Control', 'private, no-store');
      res.send(file.bytes);
    }, next);
  });
  return r;
}
