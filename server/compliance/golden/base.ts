import type { Extraction } from '../../contracts/extraction';

// A certificate that meets the default requirement set (standard tier) on 2025-03-10 for
// the Riverside Medical Center project. Golden cases copy it and change one thing.

export const baseContext = {
  today: '2025-03-10',
  projectStart: '2025-04-01',
  projectEnd: '2026-06-30',
  projectName: 'Riverside Medical Center',
  trade: 'Mechanical',
  commitmentValue: 850_000,
  vendorName: 'Apex Mechanical Inc',
  carriers: 'carriers.csv',
};

export function baseExtraction(): Extraction {
  return {
    form: 'ACORD 25',
    edition: '2016/03',
    source: 'text',
    pages: 1,
    certificateDate: '2025-03-03',
    certificateNumber: '25-1043',
    revisionNumber: null,
    producer: {
      name: 'Keystone Insurance Agency',
      address: { line1: '88 Wharf Street', line2: null, city: 'Boston', state: 'MA', postalCode: '02110' },
      contactName: 'Dana Ruiz',
      phone: '6175550142',
      fax: null,
      email: 'certs@keystone-agency.example',
    },
    insured: {
      name: 'Apex Mechanical, Inc.',
      address: { line1: '14 Foundry Road', line2: null, city: 'Quincy', state: 'MA', postalCode: '02169' },
    },
    insurers: [
      { letter: 'A', name: 'Granite State Casualty Company', naic: '23817' },
      { letter: 'B', name: 'Meridian Mutual Auto Insurance Co', naic: '41290' },
      { letter: 'C', name: 'Bayline Workers Comp Insurance Co', naic: '12044' },
      { letter: 'D', name: 'Summit Excess Insurance Co', naic: '37800' },
    ],
    policies: [
      {
        line: 'general_liability',
        insurerLetter: 'A',
        policyNumber: 'CGL-4471023',
        effectiveDate: '2025-01-01',
        expirationDate: '2026-01-01',
        additionalInsured: true,
        subrogationWaived: true,
        basis: 'occurrence',
        aggregateAppliesPer: 'project',
        limits: {
          eachOccurrence: 1_000_000,
          damageToRentedPremises: 300_000,
          medicalExpense: 10_000,
          personalAdvertisingInjury: 1_000_000,
          generalAggregate: 2_000_000,
          productsCompletedOperationsAggregate: 2_000_000,
        },
      },
      {
        line: 'automobile_liability',
        insurerLetter: 'B',
        policyNumber: 'BA-889120',
        effectiveDate: '2025-01-01',
        expirationDate: '2026-01-01',
        additionalInsured: true,
        subrogationWaived: true,
        autoSymbols: ['any_auto'],
        limits: { combinedSingleLimit: 1_000_000 },
      },
      {
        line: 'umbrella_liability',
        insurerLetter: 'D',
        policyNumber: 'UMB-55012',
        effectiveDate: '2025-01-01',
        expirationDate: '2026-01-01',
        additionalInsured: false,
        subrogationWaived: true,
        basis: 'occurrence',
        retentionOrDeductible: { kind: 'retention', amount: 10_000 },
        limits: { eachOccurrence: 5_000_000, aggregate: 5_000_000 },
      },
      {
        line: 'workers_compensation',
        insurerLetter: 'C',
        policyNumber: 'WC-7781002',
        effectiveDate: '2025-01-01',
        expirationDate: '2026-01-01',
        additionalInsured: false,
        subrogationWaived: true,
        statutory: true,
        excludedOfficers: false,
        limits: {
          employersLiabilityEachAccident: 1_000_000,
          employersLiabilityDiseaseEachEmployee: 1_000_000,
          employersLiabilityDiseasePolicyLimit: 1_000_000,
        },
      },
    ],
    descriptionOfOperations:
      'Re: Riverside Medical Center, 400 Harbor Way, Boston MA. Harbor Point Builders LLC and Riverside Health Partners are additional insureds on general liability for ongoing and completed operations (CG 20 10 04 13, CG 20 37 04 13) and on automobile liability (CA 20 48) where required by written contract. This insurance is primary and non-contributory. Waiver of subrogation applies to general liability (CG 24 04), automobile (CA 04 44), umbrella and workers compensation (WC 00 03 13). General aggregate applies per project (CG 25 03). Umbrella follows form over general liability, automobile liability and employers liability.',
    endorsementForms: [
      { form: 'CG 20 10', edition: '04 13' },
      { form: 'CG 20 37', edition: '04 13' },
      { form: 'CA 20 48', edition: null },
      { form: 'CG 24 04', edition: null },
      { form: 'CA 04 44', edition: null },
      { form: 'WC 00 03 13', edition: null },
      { form: 'CG 25 03', edition: null },
    ],
    certificateHolder: {
      name: 'Harbor Point Builders LLC',
      address: { line1: '1200 Commerce Street, Suite 400', line2: null, city: 'Boston', state: 'MA', postalCode: '02110' },
    },
    fields: {
      '/policies/0/limits/eachOccurrence': { page: 1, box: [430, 520, 520, 532], confidence: 0.98 },
      '/certificateHolder/name': { page: 1, box: [40, 120, 300, 132], confidence: 0.97 },
    },
    warnings: [],
  };
}
