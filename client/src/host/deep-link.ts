import { registerQuerySchema, type RegisterFilter } from '../../../server/contracts/desk';

// A link into the register with a filter (the daily digest's lines):
// `/app?company_id=…&project_id=…&tab=register&status=compliant`. Unknown or invalid values
// open the app as usual.

const linkSchema = registerQuerySchema.pick({ status: true, expiresWithin: true, queue: true });

export function registerLinkFilter(search: string): Partial<RegisterFilter> | null {
  const params = new URLSearchParams(search);
  if (params.get('tab') !== 'register') return null;
  const parsed = linkSchema.safeParse(Object.fromEntries(['status', 'expiresWithin', 'queue'].flatMap((key) => (params.has(key) ? [[key, params.get(key)]] : []))));
  return parsed.success ? parsed.data : null;
}
