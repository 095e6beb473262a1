import type { Commitment, CommitmentStatus, Company, Insurance, Project, Trade, Vendor } from './types';

// Directory, commitments and insurances, generated from a fixed-seed PRNG so every run (and
// every vendors-count knob value) produces the same records.

export type Rng = () => number;

/** mulberry32: tiny, fast, good enough for fixtures. */
export function createRng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

const TRADE_NAMES = [
  'Electrical', 'Concrete', 'Roofing', 'Plumbing', 'HVAC', 'Demolition', 'Excavation', 'Structural Steel',
  'Drywall', 'Painting', 'Masonry', 'Carpentry', 'Glazing', 'Flooring', 'Fire Protection', 'Landscaping',
  'Paving', 'Elevators', 'Insulation', 'Waterproofing',
] as const;

export function seedTrades(): Trade[] {
  return TRADE_NAMES.map((name, i) => ({ id: 40001 + i, name }));
}

const PREFIXES = [
  'Apex', 'Summit', 'Keystone', 'Pioneer', 'Granite', 'Cascade', 'Liberty', 'Frontier', 'Ironwood', 'Bluebird',
  'Redline', 'Northstar', 'Evergreen', 'Silverline', 'Copperhead', 'Ridgeback', 'Lakeshore', 'Prairie', 'Titan', 'Beacon',
  'Harbor', 'Canyon', 'Sterling', 'Meridian', 'Oakridge', 'Falcon', 'Anchor', 'Highland', 'Crescent', 'Atlas',
  'Patriot', 'Sunrise', 'Timberline', 'Blackstone', 'Clearwater', 'Diamond', 'Eagle', 'Foundation', 'Golden', 'Horizon',
];
const SUFFIXES = ['Inc.', 'LLC', 'Co.', 'Group', 'Services', 'Contractors', 'Corp.'];
const FIRST_NAMES = ['James', 'Maria', 'Robert', 'Linda', 'Michael', 'Sofia', 'David', 'Aisha', 'Daniel', 'Emily', 'Carlos', 'Grace', 'Kevin', 'Priya', 'Thomas', 'Hannah'];
const LAST_NAMES = ['Smith', 'Garcia', 'Johnson', 'Lee', 'Brown', 'Martinez', 'Wilson', 'Patel', 'Anderson', 'Kim', 'Thompson', 'Lopez', 'Clark', 'Walker', 'Young', 'Rivera'];
const CITIES: [string, string][] = [['Denver', 'CO'], ['Boulder', 'CO'], ['Seattle', 'WA'], ['Tacoma', 'WA'], ['Madison', 'WI'], ['Phoenix', 'AZ'], ['Austin', 'TX'], ['Salt Lake City', 'UT']];

const VENDOR_ID_BASE = [18400000, 18500000, 18600000];
export const RUNTIME_VENDOR_ID_BASE = 19000000;

function slug(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '');
}

/** Every 17th vendor has no email at all, every 29th a malformed one: the app must cope with both. */
function emailFor(index: number, local: string, domain: string): string | null {
  if (index % 17 === 5) return null;
  if (index % 29 === 7) return index % 2 === 0 ? `${local}@${domain.split('.')[0] ?? domain}` : `${local} at ${domain}`;
  return `${local}@${domain}`;
}

function uniqueName(rng: Rng, used: Set<string>, trade: string, index: number): string {
  let name = `${pick(rng, PREFIXES)} ${trade} ${pick(rng, SUFFIXES)}`;
  if (used.has(name)) name = `${name.replace(/ [^ ]+$/, '')} ${index} ${pick(rng, SUFFIXES)}`;
  used.add(name);
  return name;
}

function buildVendor(rng: Rng, company: Company, ci: number, index: number, used: Set<string>, trades: Trade[]): Vendor {
  const trade = pick(rng, trades);
  const second = rng() < 0.25 ? pick(rng, trades) : trade;
  const name = uniqueName(rng, used, trade.name, index);
  const [city, state] = pick(rng, CITIES);
  const first = pick(rng, FIRST_NAMES);
  const last = pick(rng, LAST_NAMES);
  const domain = `${slug(name).slice(0, 24)}.example.com`;
  const email = emailFor(index, `${first}.${last}`.toLowerCase(), domain);
  const id = (VENDOR_ID_BASE[ci] ?? RUNTIME_VENDOR_ID_BASE) + index * 3 + 1;
  const stamp = new Date(Date.UTC(2024, 5, 1) + index * 3_600_000).toISOString();
  return {
    id,
    company_id: company.id,
    name,
    legal_name: name,
    abbreviated_name: name.split(' ').map((w) => w[0]).join('').toUpperCase(),
    address: `${100 + Math.floor(rng() * 9000)} ${pick(rng, ['Industrial', 'Commerce', 'Mill', 'Quarry', 'Union'])} Way`,
    city,
    state_code: state,
    country_code: 'US',
    zip: String(80000 + Math.floor(rng() * 19999)),
    business_phone: `(555) ${String(200 + Math.floor(rng() * 700))}-${String(1000 + Math.floor(rng() * 8999))}`,
    email_address: email,
    website: index % 4 === 0 ? null : `https://www.${domain}`,
    is_active: index % 23 !== 11,
    license_number: index % 3 === 0 ? null : `LIC-${state}-${String(id).slice(-6)}`,
    trade_ids: second.id === trade.id ? [trade.id] : [trade.id, second.id],
    primary_contact: index % 41 === 13 ? null : { id: id + 1, first_name: first, last_name: last, email_address: email },
    origin_id: null,
    created_at: stamp,
    updated_at: stamp,
  };
}

export function seedVendors(companies: Company[], trades: Trade[], firstCompanyVendors: number): Vendor[] {
  const counts = [firstCompanyVendors, 60, 25];
  return companies.flatMap((company, ci) => {
    const rng = createRng(1000 + ci);
    const used = new Set<string>();
    return Array.from({ length: counts[ci] ?? 0 }, (_, i) => buildVendor(rng, company, ci, i, used, trades));
  });
}

/** Each project's directory: a 30-80 vendor subset of its company's directory (fewer if the company has fewer). */
export function seedDirectories(projects: Project[], vendors: Vendor[]): Map<number, Set<number>> {
  const directories = new Map<number, Set<number>>();
  for (const project of projects) {
    const rng = createRng(project.id);
    const pool = vendors.filter((v) => v.company_id === project.company_id).map((v) => v.id);
    for (let i = pool.length - 1; i > 0; i--) {
      const j = Math.floor(rng() * (i + 1));
      [pool[i], pool[j]] = [pool[j] as number, pool[i] as number];
    }
    const size = Math.min(pool.length, 30 + Math.floor(rng() * 51));
    directories.set(project.id, new Set(pool.slice(0, size)));
  }
  return directories;
}

const STATUS_CYCLE: CommitmentStatus[] = ['Approved', 'Draft', 'Out For Signature', 'Complete', 'Void', 'Approved', 'Terminated', 'Out For Bid'];

export function seedCommitments(projects: Project[], directories: Map<number, Set<number>>): Commitment[] {
  let nextId = 13300001;
  return projects.flatMap((project) => {
    const rng = createRng(project.id + 7);
    const vendorIds = [...(directories.get(project.id) ?? [])];
    return Array.from({ length: Math.min(8, vendorIds.length) }, (_, i): Commitment => {
      const kind = i % 3 === 2 ? 'purchase_order' : 'work_order';
      const status = STATUS_CYCLE[i % STATUS_CYCLE.length] ?? 'Draft';
      const stamp = new Date(Date.UTC(2024, 8, 1 + i)).toISOString();
      return {
        id: nextId++,
        kind,
        project_id: project.id,
        vendor_id: vendorIds[i] as number,
        number: `${kind === 'work_order' ? 'SC' : 'PO'}-${String(i + 1).padStart(3, '0')}`,
        title: `${kind === 'work_order' ? 'Subcontract' : 'Purchase order'} ${i + 1} - ${project.name}`,
        description: '',
        status,
        executed: status === 'Approved' || status === 'Complete',
        grand_total: `${(10000 + Math.floor(rng() * 900000)).toFixed(1)}`,
        contract_date: stamp.slice(0, 10),
        created_at: stamp,
        updated_at: stamp,
        deleted_at: null,
      };
    });
  });
}

/** A general liability record on the first 40 vendors of the first company, with fixed dates. */
export function seedInsurances(companyId: number, vendors: Vendor[]): Insurance[] {
  const rng = createRng(77);
  return vendors
    .filter((v) => v.company_id === companyId)
    .slice(0, 40)
    .map((vendor, i) => {
      const expiration = new Date(Date.UTC(2025, i % 12, 1 + (i % 27)));
      const effective = new Date(expiration.getTime() - 365 * 86_400_000);
      return {
        id: 7700001 + i,
        company_id: companyId,
        project_id: null,
        vendor_id: vendor.id,
        effective_date: effective.toISOString().slice(0, 10),
        expiration_date: expiration.toISOString().slice(0, 10),
        enable_expired_insurance_notifications: true,
        exempt: false,
        info_received: i % 5 !== 0,
        insurance_provider: pick(rng, ['Travelers', 'Liberty Mutual', 'Zurich', 'Chubb', 'The Hartford']),
        insurance_type: 'General Liability',
        limit: `${pick(rng, [1000000, 2000000, 5000000])}.0`,
        notes: null,
        policy_number: `GL-${String(vendor.id).slice(-6)}`,
        status: i % 4 === 0 ? 'expired' : 'compliant',
        additional_insured: null,
        origin_id: null,
        origin_data: null,
        created_at: '2025-01-15T12:00:00Z',
        updated_at: '2025-01-15T12:00:00Z',
      };
    });
}
