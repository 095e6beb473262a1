import { describe, expect, it } from 'vitest';
import { renderRequestEmail } from './templates';

const base = {
  gcName: 'Summit Ridge Builders',
  vendorName: 'Acme <Electric> & Sons',
  link: 'https://coi.example.com/portal/abc',
  linkExpiresOn: 'December 22, 2026',
  requirements: ['General liability: at least $1,000,000 each occurrence', 'Automobile liability: at least $1,000,000 combined single limit'],
};

describe('request email', () => {
  it('says who needs what for which project, with the personal link, in text and HTML', () => {
    const e = renderRequestEmail({ ...base, projectName: 'Riverside Medical Center' });
    expect(e.subject).toBe('Summit Ridge Builders needs your certificate of insurance for Riverside Medical Center');
    expect(e.text).toContain('https://coi.example.com/portal/abc');
    expect(e.text).toContain('December 22, 2026');
    expect(e.text).toContain('- Automobile liability: at least $1,000,000 combined single limit');
    expect(e.html).toContain('href="https://coi.example.com/portal/abc"');
    expect(e.html).toContain('Acme &#60;Electric&#62; &#38; Sons');
    expect(e.html).not.toContain('<Electric>');
  });

  it('covers all projects for a global request, and words reminders as reminders', () => {
    const e = renderRequestEmail({ ...base, projectName: null, reminderNumber: 2 });
    expect(e.subject).toBe('Reminder: certificate of insurance needed for all of our projects (an annual certificate)');
    expect(e.text).toContain('We still need');
  });
});
