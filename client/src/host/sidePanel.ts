import { z } from 'zod';
import { toProcoreId } from './context';

// Procore's side-panel protocol (procore-platform.md 5): the app says `initialize`, Procore
// answers `setup` with the context, then reports visibility changes.
const setupMessageSchema = z.object({
  type: z.literal('setup'),
  context: z.object({
    company_id: z.union([z.string(), z.number()]).nullish(),
    project_id: z.union([z.string(), z.number()]).nullish(),
    id: z.union([z.string(), z.number()]).nullish(),
    view: z.string().nullish(),
  }),
});

const visibilityMessageSchema = z.object({
  type: z.enum(['sidepanel:app:visible', 'sidepanel:app:hidden', 'sidepanel:app:destroy']),
});

export interface PanelSetup {
  companyId: string | null;
  projectId: string | null;
  /** The record the panel sits next to (e.g. a commitment id), when Procore sends one. */
  recordId: string | null;
  view: string | null;
}

export type PanelVisibility = 'visible' | 'hidden' | 'destroyed';

export interface HandshakeHandlers {
  onSetup: (setup: PanelSetup) => void;
  onVisibility: (visibility: PanelVisibility) => void;
}

type HandshakeWindow = Pick<Window, 'parent' | 'addEventListener' | 'removeEventListener'>;

/** The embedding page's origin. The panel cannot know Procore's origin in advance, so it trusts the referrer. */
export function parentOrigin(referrer: string): string | null {
  if (!referrer) return null;
  try {
    const origin = new URL(referrer).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

export function readPanelMessage(data: unknown): PanelSetup | PanelVisibility | null {
  const setup = setupMessageSchema.safeParse(data);
  if (setup.success) {
    const { context } = setup.data;
    return {
      companyId: toProcoreId(context.company_id),
      projectId: toProcoreId(context.project_id),
      recordId: context.id === null || context.id === undefined ? null : String(context.id),
      view: context.view ?? null,
    };
  }
  const visibility = visibilityMessageSchema.safeParse(data);
  if (!visibility.success) return null;
  const states = { 'sidepanel:app:visible': 'visible', 'sidepanel:app:hidden': 'hidden', 'sidepanel:app:destroy': 'destroyed' } as const;
  return states[visibility.data.type];
}

/**
 * Starts the handshake when the app is framed. Messages are posted to, and accepted from, the
 * referrer's origin only (never '*'), so another page cannot feed the panel a context.
 * Returns a function that stops listening.
 */
export function startHandshake(win: HandshakeWindow, referrer: string, handlers: HandshakeHandlers): () => void {
  const origin = parentOrigin(referrer);
  if (win.parent === win || origin === null) return () => undefined;
  const parent = win.parent;
  const onMessage = (event: MessageEvent): void => {
    if (event.origin !== origin || event.source !== parent) return;
    const message = readPanelMessage(event.data);
    if (message === null) return;
    if (typeof message === 'string') handlers.onVisibility(message);
    else handlers.onSetup(message);
    if (message === 'destroyed') stop();
  };
  const stop = (): void => win.removeEventListener('message', onMessage);
  win.addEventListener('message', onMessage);
  parent.postMessage({ type: 'initialize' }, origin);
  return stop;
}
