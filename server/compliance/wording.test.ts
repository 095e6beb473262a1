import { describe, expect, it } from 'vitest';
import { requirementSetSchema } from '../contracts/requirements';
import { defaultRequirements } from './default-requirements';
import { describeRequirements } from './wording';

describe('requirement wording for subcontractors', () => {
  it('states the default umbrella and endorsements as requirements, never as optional', () => {
    const items = describeRequirements(defaultRequirements, { projectName: 'Riverside Medical Center', trade: 'Electrical' });
    const text = items.join('\n');
    expect(text).not.toMatch(/if you (carry|have)/i);
    expect(items).toContainEqual(expect.stringMatching(/^Umbrella\/excess liability: .*at least \$5,000,000 each occurrence and \$5,000,000 aggregate/));
    expect(items).toContainEqual(expect.stringMatching(/^General liability: on an occurrence basis.*\$1,000,000 each occurrence.*us named as additional insured.*forms CG 20 10 and CG 20 37, or CG 20 33 and CG 20 39/));
    expect(items).toContainEqual(expect.stringMatching(/^Automobile liability: .*covering any auto or owned autos, hired autos and non-owned autos/));
    expect(items).toContainEqual("Workers' compensation: at statutory limits; with a waiver of subrogation in our favour");
    expect(items).toContainEqual('Every insurer rated at least A- VII by AM Best');
    expect(items).toContainEqual('Description of operations must mention: "Riverside Medical Center"');
  });

  it('applies the vendor tier: a light trade needs no umbrella, a high-hazard one a $10M umbrella', () => {
    const light = describeRequirements(defaultRequirements, { projectName: null, trade: 'Painting' });
    expect(light.some((s) => s.startsWith('Umbrella'))).toBe(false);
    expect(light).toContainEqual(expect.stringMatching(/Employers' liability: at least \$500,000 each accident/));
    const roofing = describeRequirements(defaultRequirements, { projectName: null, trade: 'Roofing' });
    expect(roofing).toContainEqual(expect.stringMatching(/^Umbrella.*\$10,000,000 each occurrence/));
  });

  it('gives the exact certificate holder with address and the description phrases', () => {
    const set = requirementSetSchema.parse({
      name: 'Harbor',
      lines: { general_liability: { minimums: { eachOccurrence: 2_000_000 } } },
      certificateHolder: { name: 'Summit Ridge Builders, LLC', address: { line1: '100 Main St', line2: 'Suite 4', city: 'Denver', state: 'CO', postalCode: '80202' } },
      descriptionMustContain: ['Harbor Point Owner LLC'],
      descriptionMustNameProject: false,
      minimumDaysRemaining: 0,
      umbrellaMayTopUp: false,
    });
    expect(describeRequirements(set, { projectName: 'Harbor Point Tower' })).toEqual([
      'General liability: at least $2,000,000 each occurrence',
      'Certificate holder, exactly: "Summit Ridge Builders, LLC", 100 Main St, Suite 4, Denver, CO 80202',
      'Description of operations must mention: "Harbor Point Owner LLC"',
    ]);
  });
});
