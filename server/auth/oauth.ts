import { AuthorizationCode, ClientCredentials } from 'simple-oauth2';
import { tokenResponseSchema, type TokenResponse } from '../procore/records';

// Procore's OAuth endpoints through simple-oauth2: credentials in a form body, as Procore documents.

export interface ProcoreOAuthSettings {
  clientId: string;
  clientSecret: string;
  loginUrl: string;
  redirectUri: string;
}

export interface ProcoreOAuth {
  authorizeUrl(state: string): string;
  exchangeCode(code: string): Promise<TokenResponse>;
  refresh(refreshToken: string): Promise<TokenResponse>;
  revoke(accessToken: string): Promise<void>;
  /** A token for the app's own service account (DMSA): no user, no refresh token. */
  clientCredentials(): Promise<TokenResponse>;
}

export class InvalidGrantError extends Error {}

export function createProcoreOAuth(s: ProcoreOAuthSettings): ProcoreOAuth {
  const client = new AuthorizationCode({
    client: { id: s.clientId, secret: s.clientSecret },
    auth: { tokenHost: s.loginUrl, tokenPath: '/oauth/token', authorizePath: '/oauth/authorize', revokePath: '/oauth/revoke' },
    options: { authorizationMethod: 'body', bodyFormat: 'form' },
  });
  const service = new ClientCredentials({
    client: { id: s.clientId, secret: s.clientSecret },
    auth: { tokenHost: s.loginUrl, tokenPath: '/oauth/token' },
    options: { authorizationMethod: 'body', bodyFormat: 'form' },
  });
  return {
    async clientCredentials() {
      const token = await guard(() => service.getToken({}));
      return tokenResponseSchema.parse(token.token);
    },
    authorizeUrl: (state) => client.authorizeURL({ redirect_uri: s.redirectUri, state }),
    async exchangeCode(code) {
      const token = await guard(() => client.getToken({ code, redirect_uri: s.redirectUri }));
      return tokenResponseSchema.parse(token.token);
    },
    async refresh(refreshToken) {
      const token = await guard(() => client.createToken({ refresh_token: refreshToken, access_token: '' }).refresh());
      return tokenResponseSchema.parse(token.token);
    },
    async revoke(accessToken) {
      // Procore revokes the access token and its refresh token together.
      await client.createToken({ access_token: accessToken }).revoke('access_token');
    },
  };
}

async function guard<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    const status = (err as { output?: { statusCode?: number } }).output?.statusCode;
    if (status === 400 || status === 401) throw new InvalidGrantError('Procore refused the grant');
    throw err;
  }
}
