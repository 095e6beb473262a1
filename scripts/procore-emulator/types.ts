// In-memory record types of the emulator. Field names follow Procore's v1 payloads (snake_case)
// so serializers stay thin.

export interface Company {
  id: number;
  name: string;
  is_active: boolean;
  logo_url: string | null;
  pcn_business_experience: null;
  /** Whether the COI app is installed; a company without it answers 403 "App is not connected". */
  app_installed: boolean;
  /** Directory entry of the company itself (the `vendor` on its employees' user records). */
  own_vendor_id: number;
}

export interface Project {
  id: number;
  company_id: number;
  name: string;
  display_name: string;
  project_number: string;
  address: string;
  city: string;
  state_code: string;
  country_code: string;
  zip: string;
  stage: string;
  active: boolean;
  created_at: string;
  updated_at: string;
}

export interface PermissionTemplate {
  id: number;
  company_id: number;
  name: string;
  project_specific: boolean;
  type: 'project_specific' | 'company_tools' | 'global';
  category: 'internal' | 'external';
  /** The project a project-specific template belongs to; null for company-wide templates. */
  project_id: number | null;
  /** Access level this template grants on every tool (simplified). */
  level: 'None' | 'Read Only' | 'Standard' | 'Admin';
}

export interface Membership {
  company_id: number;
  permission_template_id: number;
  is_company_admin: boolean;
  is_insurance_manager: boolean;
  /** Projects the user is on; admins see every project of the company regardless. */
  project_ids: number[];
  /** Per-project template (permission_template_assignments); absent means the company template. */
  project_templates?: Record<number, number>;
}

export interface User {
  id: number;
  login: string;
  first_name: string;
  last_name: string;
  name: string;
  job_title: string;
  role: string;
  is_service_account: boolean;
  memberships: Membership[];
}

export interface Trade {
  id: number;
  name: string;
}

export interface Vendor {
  id: number;
  company_id: number;
  name: string;
  legal_name: string;
  abbreviated_name: string;
  address: string;
  city: string;
  state_code: string;
  country_code: string;
  zip: string;
  business_phone: string;
  email_address: string | null;
  website: string | null;
  is_active: boolean;
  license_number: string | null;
  trade_ids: number[];
  primary_contact: { id: number; first_name: string; last_name: string; email_address: string | null } | null;
  origin_id: string | null;
  created_at: string;
  updated_at: string;
}

export type CommitmentKind = 'work_order' | 'purchase_order';
export const commitmentStatuses = ['Draft', 'Out For Bid', 'Out For Signature', 'Approved', 'Complete', 'Terminated', 'Void'] as const;
export type CommitmentStatus = (typeof commitmentStatuses)[number];

export interface Commitment {
  id: number;
  kind: CommitmentKind;
  project_id: number;
  vendor_id: number;
  number: string;
  title: string;
  description: string;
  status: CommitmentStatus;
  executed: boolean;
  grand_total: string;
  contract_date: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  /** Set by PATCH …/compliance; absent until then. */
  compliance?: CommitmentCompliance;
}

export interface CommitmentCompliance {
  compliance_status: 'compliant' | 'not_compliant' | 'not_required';
  insurance_status: 'compliant' | 'not_compliant' | 'not_required';
  compliance_notes: string | null;
  insurance_notes: string | null;
  updated_at: string | null;
  updated_by_id: number | null;
}

export const insuranceStatuses = [
  'compliant',
  'compliant_in_progress',
  'expired',
  'non_compliant',
  'non_compliant_in_progress',
  'undecided',
  'unregistered',
] as const;
export type InsuranceStatus = (typeof insuranceStatuses)[number];

export interface Insurance {
  id: number;
  company_id: number;
  /** null for company-level insurances. */
  project_id: number | null;
  vendor_id: number;
  effective_date: string | null;
  expiration_date: string | null;
  enable_expired_insurance_notifications: boolean;
  exempt: boolean;
  info_received: boolean;
  insurance_provider: string | null;
  insurance_type: string | null;
  limit: string | null;
  notes: string | null;
  policy_number: string | null;
  status: InsuranceStatus;
  additional_insured: string | null;
  origin_id: string | null;
  origin_data: string | null;
  created_at: string;
  updated_at: string;
}

export interface Hook {
  id: number;
  company_id: number | null;
  project_id: number | null;
  owned_by_company_id: number;
  api_version: string;
  namespace: string;
  destination_url: string;
  destination_headers: Record<string, string>;
  triggers: Trigger[];
  created_at: string;
  updated_at: string;
}

export interface Trigger {
  id: number;
  resource_name: string;
  event_type: 'create' | 'update' | 'delete';
  created_at: string;
}

export type DeliveryStatus = 'successful' | 'failing' | 'discarded';

export interface Delivery {
  id: number;
  hook_id: number;
  event_id: number;
  status: DeliveryStatus;
  attempts: number;
  response_status: number | null;
  response_error: string | null;
  started_at: string;
  completed_at: string | null;
  next_attempt_at: string | null;
  payload: WebhookPayload;
}

export interface WebhookPayload {
  id: number;
  ulid: string;
  timestamp: string;
  user_id: number;
  company_id: number;
  project_id: number | null;
  api_version: 'v2';
  event_type: 'create' | 'update' | 'delete';
  resource_name: string;
  resource_id: number;
  metadata: {
    source_user_id: number;
    source_project_id: number | null;
    source_company_id: number;
    source_application_id: string | null;
    source_operation_id: string | null;
  };
}

export interface AccessToken {
  access_token: string;
  refresh_token: string | null;
  user_id: number;
  client_id: string;
  grant_type: 'authorization_code' | 'refresh_token' | 'client_credentials';
  created_at: number;
  expires_at: number;
  revoked: boolean;
}

export interface AuthCode {
  code: string;
  client_id: string;
  redirect_uri: string;
  user_id: number;
  expires_at: number;
}

export interface MailItem {
  to: string[];
  cc: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  date: string;
  /** The Message-ID header, as sent. */
  messageId?: string;
}
