import type { MaxPerPage } from './paging';
import type { EmulatorState } from './store';

// What every REST router needs. `emit` hands a change to the webhook dispatcher.

export interface ResourceEvent {
  resource_name: string;
  event_type: 'create' | 'update' | 'delete';
  resource_id: number;
  company_id: number;
  project_id: number | null;
  user_id: number;
}

export interface RestDeps {
  state: EmulatorState;
  maxPerPage: MaxPerPage;
  emit(event: ResourceEvent): void;
}
