import type { EmulatorState } from './store';
import { escapeHtml } from './http';

// Sign-in and consent page of the emulated login.procore.com.

const STYLE = `body{font-family:system-ui,sans-serif;background:#f4f5f6;margin:0}
.card{max-width:520px;margin:48px auto;background:#fff;border-radius:8px;box-shadow:0 2px 8px #0002;padding:24px 32px}
h1{font-size:20px;color:#222}.brand{color:#f47e42;font-weight:700;letter-spacing:.5px}
label.user{display:block;padding:10px;border:1px solid #ddd;border-radius:6px;margin:8px 0;cursor:pointer}
label.user small{color:#666;display:block;margin-left:24px}.actions{margin-top:20px;display:flex;gap:12px}
button{padding:10px 22px;border-radius:4px;border:1px solid #ccc;font-size:15px;cursor:pointer}
button.allow{background:#f47e42;border-color:#f47e42;color:#fff}.error{color:#b00020}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body><div class="card"><div class="brand">PROCORE</div>${body}</div></body></html>`;
}

function hidden(name: string, value: unknown): string {
  return `<input type="hidden" name="${name}" value="${escapeHtml(typeof value === 'string' ? value : '')}">`;
}

export function renderAuthorizePage(state: EmulatorState, params: Record<string, unknown>, error?: string): string {
  const users = state.users
    .filter((u) => !u.is_service_account)
    .map((u) => {
      const companies = u.memberships
        .map((m) => state.companies.find((c) => c.id === m.company_id)?.name ?? '')
        .join(', ');
      return `<label class="user"><input type="radio" name="user_id" value="${u.id}"> ${escapeHtml(u.name)} <small>${escapeHtml(u.job_title)} · ${escapeHtml(companies)} · ${escapeHtml(u.login)}</small></label>`;
    })
    .join('');
  return page(
    'Sign in - Procore',
    `<h1>Sign in to authorize the app</h1>
<p>Choose who you are, then allow the app to access your Procore data.</p>
${error ? `<p class="error" role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="/oauth/authorize">
${hidden('response_type', params.response_type)}${hidden('client_id', params.client_id)}${hidden('redirect_uri', params.redirect_uri)}${hidden('state', params.state)}
<fieldset style="border:0;padding:0"><legend>User</legend>${users}</fieldset>
<div class="actions"><button type="submit" class="allow" name="decision" value="allow">Allow</button>
<button type="submit" name="decision" value="deny" formnovalidate>Deny</button></div>
</form>`,
  );
}

export function renderOAuthError(message: string): string {
  return page('Authorization error - Procore', `<h1>An error has occurred</h1><p class="error" role="alert">${escapeHtml(message)}</p>`);
}
