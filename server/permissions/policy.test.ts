import { describe, expect, it } from 'vitest';
import { deniedMessage, resolveRole, roleAllows } from './policy';

const facts = (f: Partial<{ templateId: string | null; isCompanyAdmin: boolean; isInsuranceManager: boolean }> = {}) => ({
  templateId: '10',
  isCompanyAdmin: false,
  isInsuranceManager: false,
  ...f,
});

describe('resolveRole', () => {
  it('defaults: company admins and insurance managers manage compliance, everyone else reads', () => {
    expect(resolveRole(facts({ isCompanyAdmin: true }), null, new Map())).toEqual({ role: 'compliance_manager', source: 'company_admin' });
    expect(resolveRole(facts({ isInsuranceManager: true }), null, new Map())).toEqual({ role: 'compliance_manager', source: 'default' });
    expect(resolveRole(facts(), null, new Map())).toEqual({ role: 'read_only', source: 'default' });
  });

  it('uses the template mapping, then an override over it; company admins stay managers whatever is mapped', () => {
    const mappings = new Map([['10', 'inviter' as const]]);
    expect(resolveRole(facts(), null, mappings)).toEqual({ role: 'inviter', source: 'template' });
    expect(resolveRole(facts({ isInsuranceManager: true }), null, new Map([['10', 'read_only' as const]]))).toEqual({ role: 'read_only', source: 'template' });
    expect(resolveRole(facts(), 'no_access', mappings)).toEqual({ role: 'no_access', source: 'override' });
    expect(resolveRole(facts({ isCompanyAdmin: true }), 'no_access', new Map([['10', 'no_access' as const]]))).toEqual({ role: 'compliance_manager', source: 'company_admin' });
    expect(resolveRole(facts({ templateId: null }), null, mappings)).toEqual({ role: 'read_only', source: 'default' });
  });
});

describe('roleAllows and deniedMessage', () => {
  it('gives no access nothing and names who to ask', () => {
    expect(roleAllows('no_access', 'requests.view')).toBe(false);
    expect(roleAllows('read_only', 'requests.view')).toBe(true);
    expect(roleAllows('inviter', 'requests.delete')).toBe(false);
    expect(deniedMessage('no_access', 'requests.view', 'Ask Carla.')).toBe('You have no access to COI Compliance in this company. Ask Carla.');
    expect(deniedMessage('inviter', 'requests.delete', 'Ask Carla.')).toBe('Your role (inviter) cannot delete requests (archive it instead). Ask Carla.');
  });
});
