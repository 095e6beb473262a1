import { describe, expect, it } from 'vitest';
import { renderDeficiencyEmail } from './deficiency-template';

const base = {
  gcName: 'Summit Ridge Builders',
  vendorName: 'Acme <Electric> & Sons',
  projectName: 'Riverside Medical Center',
  link: 'https://coi.example.com/portal/abc',
  linkExpiresOn: 'December 22, 2026',
  deficiencies: [
    'General liability each occurrence is $500,000; at least $1,000,000 is required.',
    'Umbrella/excess liability expired on 06/28/2024.',
  ],
};

describe('deficiency email', () => {
  it('lists exactly what to fix, from the GC, with the same upload link, in text and HTML', () => {
    const e = renderDeficiencyEmail(base);
    expect(e.subject).toBe('Summit Ridge Builders: your certificate of insurance for Riverside Medical Center needs changes');
    const bullets = e.text.split('\n').filter((l) => l.startsWith('- '));
    expect(bullets).toEqual(base.deficiencies.map((d) => `- ${d}`));
    expect(e.text).toContain('does not meet them yet');
    expect(e.text).toContain('at the same personal link as before');
    expect(e.text).toContain('https://coi.example.com/portal/abc');
    expect(e.text).toContain('December 22, 2026');
    expect(e.text.trimEnd().endsWith('Summit Ridge Builders')).toBe(true);
    expect(e.html).toContain('href="https://coi.example.com/portal/abc"');
    expect(e.html).toContain('<li>Umbrella/excess liability expired on 06/28/2024.</li>');
    expect(e.html).toContain('Acme &#60;Electric&#62; &#38; Sons');
    expect(e.html).not.toContain('<Electric>');
  });

  it('speaks of all projects for a global request', () => {
    const e = renderDeficiencyEmail({ ...base, projectName: null });
    expect(e.subject).toBe('Summit Ridge Builders: your certificate of insurance for all of our projects needs changes');
    expect(e.text).toContain('Thank you for sending your certificate of insurance for all of our projects.');
  });

  it("explains a project's own requirements when the annual certificate falls short there", () => {
    const e = renderDeficiencyEmail({ ...base, annualCertificate: true });
    expect(e.text).toContain('Your annual certificate of insurance covers our projects in general, but Riverside Medical Center has insurance requirements of its own');
    expect(e.text).not.toContain('Thank you for sending');
  });
});
