import { describe, expect, it } from 'vitest';
import { registerLinkFilter } from './deep-link';

describe('register links', () => {
  it('reads the filter a digest line carries', () => {
    expect(registerLinkFilter('?company_id=1&project_id=2&tab=register&status=awaiting_new_coi')).toEqual({ status: 'awaiting_new_coi' });
    expect(registerLinkFilter('?company_id=1&tab=register&queue=not_responding')).toEqual({ queue: 'not_responding' });
    expect(registerLinkFilter('?company_id=1&tab=register&expiresWithin=30')).toEqual({ expiresWithin: '30' });
  });

  it('ignores links without the register tab or with values the register does not know', () => {
    expect(registerLinkFilter('?company_id=1&status=compliant')).toBeNull();
    expect(registerLinkFilter('?company_id=1&tab=register&status=lost')).toBeNull();
  });
});
