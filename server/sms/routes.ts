import express, { Router } from 'express';
import type { Services } from '../services';
import { companyParamsSchema } from '../contracts/directory';
import { requestParamsSchema } from '../contracts/requests';
import { requestMobileSchema, smsSettingsPatchSchema, type RequestMobile } from '../contracts/notifications';
import { handle, parse } from '../http';
import { currentUser, requireUser } from '../auth/require-user';
import { authorize, authorizeRequest } from '../permissions/authorize';
import { NotFoundError } from '../errors';
import { setRecipientMobile } from '../requests/repository';
import { addEvent } from '../requests/timeline';
import { actorOf } from '../permissions/actor';
import { inboundPath, readSmsSettings, saveSmsSettings } from './settings';
import { handleInbound } from './inbound';

// Text messages: the company's SMS account (compliance managers), the sub's mobile on a
// request, and the provider's signed webhook for replies (STOP).

const emptyTwiml = '<?xml version="1.0" encoding="UTF-8"?><Response></Response>';

export function smsRoutes(s: Services): Router {
  const r = Router();
  const base = '/api/companies/:companyId';
  r.use('/api/companies', requireUser(s.db));
  r.get(`${base}/settings/sms`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'settings.view');
    return readSmsSettings(s, companyId);
  }));
  r.patch(`${base}/settings/sms`, handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    await authorize(s, currentUser(res), companyId, null, 'settings.edit');
    const patch = parse(smsSettingsPatchSchema, req.body ?? {}, 'SMS settings');
    return saveSmsSettings(s, currentUser(res).id, companyId, patch);
  }));
  r.put(`${base}/requests/:requestId/mobile`, handle(async (req, res): Promise<RequestMobile> => {
    const { companyId, requestId } = parse(requestParamsSchema, req.params, 'request');
    await authorizeRequest(s, currentUser(res), companyId, requestId, 'requests.manage');
    const { mobile } = parse(requestMobileSchema, req.body ?? {}, 'mobile');
    await s.db.transaction(async (trx) => {
      if (!(await setRecipientMobile(trx, companyId, requestId, mobile))) throw new NotFoundError('No such request in this company.');
      await addEvent(trx, { companyId, requestId, kind: 'mobile_changed', actor: actorOf(currentUser(res)), data: { mobile } });
    });
    return { mobile };
  }));
  r.post(inboundPath(':companyId'), express.urlencoded({ extended: false, limit: '64kb' }), handle(async (req, res) => {
    const { companyId } = parse(companyParamsSchema, req.params, 'company');
    const params = Object.fromEntries(Object.entries((req.body ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]));
    await handleInbound(s, companyId, `${s.config.appUrl}${req.originalUrl}`, params, req.get('x-twilio-signature'));
    res.type('text/xml').send(emptyTwiml);
  }));
  return r;
}
