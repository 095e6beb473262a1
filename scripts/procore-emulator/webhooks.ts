import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';
import type { ResourceEvent } from './rest-deps';
import { nowIso, type EmulatorState } from './store';
import type { Delivery, Hook, WebhookPayload } from './types';

// Webhook delivery: every change becomes one v2.0 event, POSTed to each hook whose scope and
// triggers match, with the hook's destination_headers. Failures (non-2xx, network error, no
// answer within the timeout) are retried on a schedule; after the last retry the delivery is
// discarded.

/** Set around REST requests so events carry the calling app in metadata.source_application_id. */
export const requestActor = new AsyncLocalStorage<{ application_id: string }>();

export const WEBHOOK_RESOURCES: { resource_name: string; event_types: ('create' | 'update' | 'delete')[]; scope: 'company' | 'project' }[] = [
  { resource_name: 'Company Vendors', event_types: ['create', 'update', 'delete'], scope: 'company' },
  { resource_name: 'Project Vendors', event_types: ['create', 'update', 'delete'], scope: 'project' },
  { resource_name: 'Company Users', event_types: ['create', 'update', 'delete'], scope: 'company' },
  { resource_name: 'Project Users', event_types: ['create', 'update', 'delete'], scope: 'project' },
  { resource_name: 'Company Insurances', event_types: ['create', 'update', 'delete'], scope: 'company' },
  { resource_name: 'Project Insurances', event_types: ['create', 'update', 'delete'], scope: 'project' },
  { resource_name: 'Work Order Contracts', event_types: ['create', 'update', 'delete'], scope: 'project' },
  { resource_name: 'Purchase Order Contracts', event_types: ['create', 'update', 'delete'], scope: 'project' },
  { resource_name: 'Projects', event_types: ['create', 'update', 'delete'], scope: 'company' },
];

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

export function ulid(time = Date.now()): string {
  let timePart = '';
  let t = time;
  for (let i = 0; i < 10; i++) {
    timePart = (CROCKFORD[t % 32] ?? '0') + timePart;
    t = Math.floor(t / 32);
  }
  const random = [...randomBytes(16)].map((b) => CROCKFORD[b % 32]).join('');
  return timePart + random;
}

function hookMatches(hook: Hook, event: ResourceEvent): boolean {
  const inScope = hook.project_id !== null ? hook.project_id === event.project_id : hook.company_id === event.company_id;
  return inScope && hook.triggers.some((t) => t.resource_name === event.resource_name && t.event_type === event.event_type);
}

export interface DispatcherOptions {
  retryDelaysMs: number[];
  timeoutMs: number;
}

export function createWebhookDispatcher(state: EmulatorState, options: DispatcherOptions) {
  const timers = new Set<NodeJS.Timeout>();
  let closed = false;

  async function attempt(hook: Hook, delivery: Delivery): Promise<void> {
    delivery.attempts += 1;
    let ok = false;
    try {
      const response = await fetch(hook.destination_url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'Procore-Webhooks', ...hook.destination_headers },
        body: JSON.stringify(delivery.payload),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
      await response.arrayBuffer().catch(() => undefined);
      delivery.response_status = response.status;
      delivery.response_error = null;
      ok = response.ok;
    } catch (error) {
      delivery.response_status = null;
      delivery.response_error = error instanceof Error ? error.message : String(error);
    }
    settle(hook, delivery, ok);
  }

  function settle(hook: Hook, delivery: Delivery, ok: boolean): void {
    const delay = options.retryDelaysMs[delivery.attempts - 1];
    if (ok || delay === undefined || closed) {
      delivery.status = ok ? 'successful' : 'discarded';
      delivery.completed_at = nowIso();
      delivery.next_attempt_at = null;
      return;
    }
    delivery.status = 'failing';
    delivery.next_attempt_at = new Date(Date.now() + delay).toISOString();
    const timer = setTimeout(() => {
      timers.delete(timer);
      void attempt(hook, delivery);
    }, delay);
    timers.add(timer);
  }

  function emit(event: ResourceEvent): void {
    if (closed) return;
    const timestamp = nowIso();
    const applicationId = requestActor.getStore()?.application_id ?? null;
    const eventId = state.nextId('event');
    const eventUlid = ulid();
    for (const hook of state.hooks.values()) {
      if (!hookMatches(hook, event)) continue;
      const payload: WebhookPayload = {
        id: eventId, ulid: eventUlid, timestamp, user_id: event.user_id, company_id: event.company_id, project_id: event.project_id,
        api_version: 'v2', event_type: event.event_type, resource_name: event.resource_name, resource_id: event.resource_id,
        metadata: {
          source_user_id: event.user_id, source_project_id: event.project_id, source_company_id: event.company_id,
          source_application_id: applicationId, source_operation_id: ulid(),
        },
      };
      const delivery: Delivery = {
        id: state.nextId('delivery'), hook_id: hook.id, event_id: eventId, status: 'failing', attempts: 0, response_status: null,
        response_error: null, started_at: timestamp, completed_at: null, next_attempt_at: timestamp, payload,
      };
      state.deliveries.push(delivery);
      void attempt(hook, delivery);
    }
  }

  return {
    emit,
    close(): void {
      closed = true;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
