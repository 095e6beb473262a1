// Invented names and places for synthetic certificates; none refer to real parties.

export const agencies = [
  'Harbor Point Insurance Agency',
  'Cobalt Risk Partners LLC',
  'Meridian Brokerage Group',
  'Summit Ridge Insurance Services',
  'Lakeside Commercial Insurance',
  'Blue Heron Agency Inc',
  'Granite State Risk Advisors',
];

export const contractors = [
  'Redline Framing LLC',
  'Keystone Concrete Works Inc',
  'Bright Current Electric Co',
  'Hollow Creek Excavating LLC',
  'Apex Roofing & Sheet Metal Inc',
  'Northgate Mechanical Corp',
  'Ortega Drywall Services LLC DBA Ortega Interiors',
  'Silverline Plumbing Inc',
  'Tri-County Steel Erectors LLC',
];

export const carriers = [
  'Pinecrest Mutual Insurance Company',
  'Atlas Casualty Insurance Co',
  'Northern Plains Indemnity Company',
  'Harborview Specialty Insurance Co',
  'Ironwood Fire & Marine Insurance',
  'Keel Assurance Company of America',
  'Prairie Workers Comp Fund',
  'Certain Underwriters at Lloyds',
  'Granite Bay Casualty Company',
  'Sutter Lake Insurance Company',
];

export const holders = [
  'Stonebridge Builders Inc',
  'Crescent General Contractors LLC',
  'Vantage Construction Group',
  'Mason & Pike Builders Inc',
];

export const streets = ['Main St', 'Industrial Pkwy', 'Commerce Dr', 'Oak Ave', 'Harbor Blvd', 'Elm St', 'Market St'];
export const suites = ['Suite 200', 'Ste 110', 'Unit 4', 'Floor 3', 'PO Box 1182'];
export const cities: [string, string][] = [
  ['Nashville', 'TN'],
  ['Columbus', 'OH'],
  ['Denver', 'CO'],
  ['Raleigh', 'NC'],
  ['Austin', 'TX'],
  ['Portland', 'OR'],
  ['Tampa', 'FL'],
  ['Boise', 'ID'],
];
export const people = ['Dana Whitfield', 'Marco Reyes', 'Priya Natarajan', 'Tom Kessler', 'Alicia Grant', 'Lee Okafor'];
export const projects = ['Riverside Medical Office Building', 'Elm Street Lofts', 'Westfield Elementary Addition', 'Harbor Logistics Center'];
export const otherLines = [
  'Professional Liability',
  'Contractors Pollution Liability',
  'Motor Truck Cargo',
  'Errors & Omissions',
  'Inland Marine',
  'Leased/Rented Equipment',
  'Installation Floater',
  'Employment Practices Liability',
];
