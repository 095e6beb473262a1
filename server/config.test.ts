import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.appUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.procore).toBeUndefined();
    expect(c.frameAncestors).toContain('https://app.procore.com');
  });

  it('listens on this machine only in development, unless HOST says otherwise', () => {
    expect(loadConfig({}).host).toBe('127.0.0.1');
    expect(loadConfig({ HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
    expect(loadConfig({ NODE_ENV: 'test' }).host).toBe('127.0.0.1');
  });

  it('lists every problem in one message', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'eighty', APP_URL: 'not a url', DATABASE_URL: 'mysql://x', SECRET_KEY: 'short', PROCORE_CLIENT_SECRET: 'abc' });
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'APP_URL', 'DATABASE_URL', 'SECRET_KEY', 'PROCORE_CLIENT_ID', 'PROCORE_LOGIN_URL']) expect(problems).toContain(name);
    expect((error as ConfigError).message.split('\n').length).toBeGreaterThanOrEqual(6);
  });

  it('requires real services in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SECRET_KEY[\s\S]*DATABASE_URL[\s\S]*SMTP_URL/);
  });

  it('refuses wildcard frame ancestors', () => {
    expect(() => loadConfig({ PROCORE_FRAME_ORIGINS: 'https://app.procore.com,*' })).toThrow(/no wildcard/);
  });

  it('accepts a complete Procore configuration', () => {
    const c = loadConfig({
      PROCORE_CLIENT_ID: 'id',
      PROCORE_CLIENT_SECRET: 'secret',
      PROCORE_LOGIN_URL: 'https://login.procore.com/',
      PROCORE_API_URL: 'https://api.procore.com',
    });
    expect(c.procore).toEqual({ clientId: 'id', clientSecret: 'secret', loginUrl: 'https://login.procore.com', apiUrl: 'https://api.procore.com' });
  });
});
