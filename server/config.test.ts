import { describe, expect, it } from 'vitest';
import { ConfigError, defaultReaders, loadConfig } from './config';

describe('loadConfig', () => {
  it('runs on embedded defaults with nothing set', () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.appUrl).toBe('http://localhost:3000');
    expect(c.databaseUrl).toBeUndefined();
    expect(c.procore).toBeUndefined();
    expect(c.frameAncestors).toContain('https://app.procore.com');
  });

  it('reads READERS_PER_WORKER certificates at once, by default as many as memory and cores allow', () => {
    expect(loadConfig({ READERS_PER_WORKER: '3' }).readersPerWorker).toBe(3);
    expect(() => loadConfig({ READERS_PER_WORKER: '0' })).toThrow(/READERS_PER_WORKER/);
    expect(loadConfig({}).readersPerWorker).toBeGreaterThanOrEqual(1);
    const gb = 1024 ** 3;
    expect(defaultReaders(8 * gb, 2)).toBe(2);
    expect(defaultReaders(2 * gb, 8)).toBe(1);
    expect(defaultReaders(7 * gb, 8)).toBe(4);
    expect(defaultReaders(0.5 * gb, 8)).toBe(1);
  });

  it("takes Procore's full-screen paths per deployment, only as paths on Procore's own site", () => {
    expect(loadConfig({}).fullScreenPaths).toEqual({ company: '/{company}/company/apps/coi-compliance', project: '/{company}/project/{project}/apps/coi-compliance' });
    const set = loadConfig({ PROCORE_FULL_SCREEN_PROJECT_PATH: '/{project}/project/tools/apps/7', PROCORE_FULL_SCREEN_COMPANY_PATH: '/{company}/company/tools/apps/7' });
    expect(set.fullScreenPaths).toEqual({ company: '/{company}/company/tools/apps/7', project: '/{project}/project/tools/apps/7' });
    expect(() => loadConfig({ PROCORE_FULL_SCREEN_PROJECT_PATH: '//evil.example/{project}' })).toThrow(/PROCORE_FULL_SCREEN_PROJECT_PATH: must be a path/);
    expect(() => loadConfig({ PROCORE_FULL_SCREEN_PROJECT_PATH: 'https://evil.example/{project}' })).toThrow(/PROCORE_FULL_SCREEN_PROJECT_PATH/);
    expect(() => loadConfig({ PROCORE_FULL_SCREEN_PROJECT_PATH: '/{company}/apps' })).toThrow(/must contain \{project\}/);
    expect(() => loadConfig({ PROCORE_FULL_SCREEN_COMPANY_PATH: '/{company}/{user}/apps' })).toThrow(/only \{company\} and \{project\}/);
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
