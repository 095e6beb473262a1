import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type Stack } from '../../test/stack';
import { createTestRequest, type TestRequest, type TestRequestOptions } from '../../test/factories';
import { waitFor } from '../../test/wait';
import { parseRequirementSet } from '../compliance/validate-requirements';
import type { RequirementSet } from '../contracts/requirements';
import { evaluateRequest } from './evaluate-request';
import { projectCoverage } from './coverage';
import type { Extraction } from '../contracts/extraction';
import { currentPolicies, sampleExtraction, storeReadUpload } from './int-helpers';

// evaluateRequest on requests written straight to the database, with documents the reader
// has "already read" (the truth-like sample certificate of int-helpers). The worker runs, so
// deficiency emails really reach the SMTP sink.

let stack: Stack;
beforeAll(async () => {
  stack = await startStack();
});
afterAll(async () => stack?.close());

const db = () => stack.database.db;
const services = () => stack.app.services;
const today = '2025-12-01';
const lenient = parseRequirementSet({ name: 'Lenient', lines: { general_liability: { minimums: { eachOccurrence: 500_000 } } } });
const strictProject = parseRequirementSet({
  name: 'Hospital project',
  lines: { general_liability: { minimums: { eachOccurrence: 2_000_000, generalAggregate: 4_000_000 } } },
});

/** The sample certificate with its policies in force on the day of these checks. */
const certificate = (patch: Partial<Extraction> = {}) => currentPolicies(sampleExtraction(patch), new Date(`${today}T12:00:00Z`));

/** Falls short of the built-in set: GL each occurrence $500,000, and the umbrella's $5M is all reserved for its own requirement. */
function shortCertificate(patch: Partial<Extraction> = {}): Extraction {
  const e = certificate(patch);
  const gl = e.policies.find((p) => p.line === 'general_liability');
  if (gl) gl.limits.eachOccurrence = 500_000;
  return e;
}

/** A request whose vendor is the certificate's named insured (so the insured check passes). */
async function request(o: TestRequestOptions = {}): Promise<TestRequest> {
  const r = await createTestRequest(services(), { status: 'under_review', ...o });
  const insured = sampleExtraction().insured.name!;
  await db()('vendors').where({ company_id: r.companyId, id: r.vendorId }).update({ name: insured });
  return { ...r, vendorName: insured };
}

async function saveSet(companyId: string, projectId: string | null, set: RequirementSet) {
  await db()('requirement_sets').insert({ company_id: companyId, project_id: projectId, body: JSON.stringify(set) });
}

const status = async (requestId: string) => ((await db()('coi_requests').where({ id: requestId }).first('status')) as { status: string }).status;
const events = (requestId: string) => db()('request_events').where({ request_id: requestId }).orderBy('id');

describe('evaluateRequest', () => {
  it('moves a certificate that meets the company set to Compliant and sends nothing', async () => {
    const r = await request({ projectName: 'Riverside Medical Center' });
    await saveSet(r.companyId, null, lenient);
    await storeReadUpload(db(), r, [certificate()]);
    const verdict = await evaluateRequest(services(), r.requestId, today);
    expect(verdict?.outcome).toBe('compliant');
    expect(verdict?.requirementSet).toBe('Lenient');
    expect(await status(r.requestId)).toBe('compliant');
    const change = (await events(r.requestId)).find((e) => e.kind === 'status_changed');
    expect(change?.data).toMatchObject({ from: 'under_review', to: 'compliant', reason: 'Certificate meets the requirements' });
    expect(await db()('verdicts').where({ request_id: r.requestId })).toHaveLength(1);
    expect(await db()('emails').where({ request_id: r.requestId, kind: 'deficiency' })).toHaveLength(0);
  });

  it('asks for a new certificate when one falls short of the built-in set, with exactly one email even when evaluated twice', async () => {
    const broker = 'certs@broker.example';
    const r = await request({ projectName: 'Riverside Medical Center', brokerEmail: broker });
    const [certificateId] = await storeReadUpload(db(), r, [shortCertificate()]);
    const first = await evaluateRequest(services(), r.requestId, today);
    const second = await evaluateRequest(services(), r.requestId, today);
    expect(first?.outcome).toBe('deficient');
    expect(second?.deficiencies).toEqual(first?.deficiencies);
    expect(await status(r.requestId)).toBe('awaiting_new_coi');

    const emails = await db()('emails').where({ request_id: r.requestId, kind: 'deficiency' });
    expect(emails).toHaveLength(1);
    const verdicts = await db()('verdicts').where({ request_id: r.requestId });
    expect(verdicts).toHaveLength(1);
    expect(verdicts[0]).toMatchObject({ document_id: certificateId, outcome: 'deficient' });
    expect(emails[0].dedupe_key).toBe(`deficiency:${verdicts[0].id}`);

    const mail = await waitFor(() => stack.mail.messages().find((m) => m.to.includes(r.recipientEmail)), 15_000, 'deficiency email');
    expect(mail.from).toContain(r.gcName);
    expect(mail.cc).toEqual([broker]);
    expect(mail.subject).toContain('Riverside Medical Center');
    for (const d of first!.deficiencies) expect(mail.text).toContain(d.message);
    expect(mail.text).toContain(`${stack.app.url}/portal/${r.token}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(stack.mail.messages().filter((m) => m.to.includes(r.recipientEmail))).toHaveLength(1);
  });

  it('merges endorsement forms sent as separate files into the certificate', async () => {
    const r = await request({ projectName: 'Riverside Medical Center' });
    await saveSet(r.companyId, null, parseRequirementSet({
      name: 'Endorsements',
      lines: { general_liability: { endorsements: [{ label: 'Completed operations', anyOf: [['CG 20 37']] }] } },
    }));
    const withoutForm = certificate({ endorsementForms: sampleExtraction().endorsementForms.filter((f) => f.form !== 'CG 20 37') });
    const endorsementPage = sampleExtraction({ form: null, endorsementForms: [{ form: 'CG 20 37', edition: '04 13' }] });
    await storeReadUpload(db(), r, [withoutForm, endorsementPage]);
    expect((await evaluateRequest(services(), r.requestId, today))?.outcome).toBe('compliant');
  });

  it('keeps a document that is not a certificate Under review, with the reason in the timeline', async () => {
    const r = await request();
    await storeReadUpload(db(), r, [certificate({ form: null })]);
    const verdict = await evaluateRequest(services(), r.requestId, today);
    expect(verdict?.outcome).toBe('needs_review');
    expect(await status(r.requestId)).toBe('under_review');
    const flagged = (await events(r.requestId)).filter((e) => e.kind === 'evaluated');
    expect(flagged).toHaveLength(1);
    expect(flagged[0].data.message).toMatch(/^Flagged for a person: This document was not recognised as an ACORD 25/);
    await evaluateRequest(services(), r.requestId, today);
    expect((await events(r.requestId)).filter((e) => e.kind === 'evaluated')).toHaveLength(1);
  });

  it('keeps a certificate whose coverage grid could not be read Under review, with the reason in the timeline, and emails nobody', async () => {
    const r = await request({ projectName: 'Riverside Medical Center' });
    const why = 'The coverage grid of the form could not be found in its place on the page.';
    // Falls short of the built-in set (see above); read from a doubtful grid, that must not reach the sub.
    await storeReadUpload(db(), r, [shortCertificate({ reading: { layout: 'acord25', coverage: 'unreadable', reasons: [why] } })]);
    const verdict = await evaluateRequest(services(), r.requestId, today);
    expect(verdict?.outcome).toBe('needs_review');
    expect(verdict?.deficiencies.filter((d) => d.field?.startsWith('/policies'))).toEqual([]);
    expect(await status(r.requestId)).toBe('under_review');
    expect(await db()('emails').where({ request_id: r.requestId })).toHaveLength(0);
    const flagged = (await events(r.requestId)).filter((e) => e.kind === 'evaluated');
    expect(flagged).toHaveLength(1);
    expect(flagged[0].data.message).toMatch(/^Flagged for a person: The reader could not read the coverage grid reliably/);
    expect(flagged[0].data.message).toContain(why);
  });

  it('does not call a line missing when the grid was unreadable, nor email about a layout the reader did not recognise', async () => {
    const none = await request({ projectName: 'Riverside Medical Center' });
    await storeReadUpload(db(), none, [certificate({ policies: [], reading: { layout: 'acord25', coverage: 'unreadable', reasons: [] } })]);
    const unread = await evaluateRequest(services(), none.requestId, today);
    expect(unread?.outcome).toBe('needs_review');
    expect(unread?.deficiencies.map((d) => d.code)).not.toContain('line_missing');
    expect(unread?.reviewReasons.filter((x) => x.code === 'coverage_unreadable' && x.line === 'general_liability')).toHaveLength(1);

    const odd = await request({ projectName: 'Riverside Medical Center' });
    await storeReadUpload(db(), odd, [shortCertificate({ reading: { layout: 'unrecognised', coverage: 'read', reasons: ['The pages do not match the ACORD 25 form.'] } })]);
    const unrecognised = await evaluateRequest(services(), odd.requestId, today);
    expect(unrecognised?.outcome).toBe('needs_review');
    expect(unrecognised?.deficiencies).toEqual([]);
    for (const r of [none, odd]) {
      expect(await status(r.requestId)).toBe('under_review');
      expect(await db()('emails').where({ request_id: r.requestId })).toHaveLength(0);
    }
  });

  it('flags an upload nothing of which could be read, once, and waits while files are still being read', async () => {
    const r = await request();
    await storeReadUpload(db(), r, [null]);
    expect(await evaluateRequest(services(), r.requestId, today)).toBeNull();
    expect(await evaluateRequest(services(), r.requestId, today)).toBeNull();
    const flagged = (await events(r.requestId)).filter((e) => e.kind === 'evaluated');
    expect(flagged.map((e) => e.data.message)).toEqual(['Flagged for a person: none of the files sent could be read automatically.']);

    const [queuedId] = await storeReadUpload(db(), r, [certificate()], new Date(Date.now() + 1000));
    await db()('documents').where({ id: queuedId }).update({ read_status: 'queued', extraction: null });
    expect(await evaluateRequest(services(), r.requestId, today)).toBeNull();
    expect(await status(r.requestId)).toBe('under_review');
  });
});

describe('projectCoverage', () => {
  it("opens an Awaiting New COI request for a project whose own set the annual certificate does not meet", async () => {
    const r = await request({ projectName: null });
    const strictId = String(Number(r.vendorId) + 1);
    const plainId = String(Number(r.vendorId) + 2);
    const now = new Date();
    await db()('projects').insert([
      { company_id: r.companyId, id: strictId, name: 'Hospital Tower', synced_at: now },
      { company_id: r.companyId, id: plainId, name: 'Plain Garage', synced_at: now },
    ]);
    await db()('project_vendors').insert([strictId, plainId].map((id) => ({ company_id: r.companyId, project_id: id, vendor_id: r.vendorId })));
    await saveSet(r.companyId, null, lenient);
    await saveSet(r.companyId, strictId, strictProject);
    // Without an umbrella, nothing makes up the project's higher GL limits.
    await storeReadUpload(db(), r, [certificate({ policies: sampleExtraction().policies.filter((p) => p.line !== 'umbrella_liability') })]);

    expect((await evaluateRequest(services(), r.requestId, today))?.outcome).toBe('compliant');
    expect(await status(r.requestId)).toBe('compliant');
    const opened = await db()('coi_requests').where({ company_id: r.companyId, vendor_id: r.vendorId, project_id: strictId });
    expect(opened).toHaveLength(1);
    expect(opened[0]).toMatchObject({ origin: 'global', status: 'awaiting_new_coi', recipient_email: r.recipientEmail });
    expect(await db()('coi_requests').where({ company_id: r.companyId, project_id: plainId })).toHaveLength(0);
    const gap = (await events(opened[0].id)).find((e) => e.kind === 'coverage_gap');
    expect(gap?.data.message).toContain("not Hospital Tower's own");
    expect(gap?.data.deficiencies).toEqual(expect.arrayContaining([expect.stringContaining('each occurrence')]));

    const mail = await waitFor(() => stack.mail.messages().find((m) => m.to.includes(r.recipientEmail) && m.subject.includes('Hospital Tower')), 15_000, 'project email');
    expect(mail.text).toContain('Hospital Tower has insurance requirements of its own');
    expect(mail.text).toMatch(/\/portal\/[A-Za-z0-9_-]{43}/);

    const again = await projectCoverage(services(), r.companyId, r.vendorId, today);
    expect(again).toEqual([expect.objectContaining({ projectId: strictId, covered: false, requestId: opened[0].id })]);
    expect(await db()('emails').where({ request_id: opened[0].id, kind: 'deficiency' })).toHaveLength(1);
  });
});
