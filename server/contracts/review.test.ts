import { describe, expect, it } from 'vitest';
import { approveSchema } from './review';

describe('approve with override', () => {
  it('takes a real day only', () => {
    expect(approveSchema.safeParse({ reason: 'Owner accepted', until: '2030-02-28' }).success).toBe(true);
    expect(approveSchema.safeParse({ reason: 'Owner accepted', until: '2032-02-29' }).success).toBe(true);
    for (const until of ['2030-02-31', '9999-99-99', '2031-13-01', '2031-00-10', '2031-1-01']) {
      expect(approveSchema.safeParse({ reason: 'Owner accepted', until }).success, until).toBe(false);
    }
  });
});
