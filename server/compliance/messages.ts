import type { RequirementLine } from '../contracts/requirements';

// Plain-language names used in every sentence the evaluator writes.

export const lineNames: Record<RequirementLine, string> = {
  general_liability: 'General liability',
  automobile_liability: 'Automobile liability',
  umbrella_liability: 'Umbrella/excess liability',
  workers_compensation: "Workers' compensation",
  employers_liability: "Employers' liability",
  professional_liability: 'Professional liability',
  pollution_liability: 'Pollution liability',
};

export const limitNames: Record<string, string> = {
  eachOccurrence: 'each occurrence',
  damageToRentedPremises: 'damage to rented premises',
  medicalExpense: 'medical expense',
  personalAdvertisingInjury: 'personal and advertising injury',
  generalAggregate: 'general aggregate',
  productsCompletedOperationsAggregate: 'products-completed operations aggregate',
  combinedSingleLimit: 'combined single limit',
  bodilyInjuryPerPerson: 'bodily injury per person',
  bodilyInjuryPerAccident: 'bodily injury per accident',
  propertyDamagePerAccident: 'property damage per accident',
  aggregate: 'aggregate',
  employersLiabilityEachAccident: 'each accident',
  employersLiabilityDiseaseEachEmployee: 'disease each employee',
  employersLiabilityDiseasePolicyLimit: 'disease policy limit',
};

export const symbolNames: Record<string, string> = {
  any_auto: 'any auto',
  owned_autos: 'owned autos',
  scheduled_autos: 'scheduled autos',
  hired_autos: 'hired autos',
  non_owned_autos: 'non-owned autos',
  other: 'other',
};

/** "a", "a or b", "a, b or c" */
export function orList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

/** "a", "a and b", "a, b and c" */
export function andList(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** "General liability" → "general liability" for use mid-sentence. */
export function lower(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
