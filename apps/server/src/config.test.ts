import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, REPO_ROOT } from './config';

describe('loadConfig', () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config).toEqual({
      port: 3000,
      host: '::',
      dataDir: join(REPO_ROOT, 'data'),
      publicUrl: null,
      bodyLimit: 1024 * 1024,
      uploadLimit: 200 * 1024 * 1024,
      importLimit: 20 * 1024 * 1024,
      trustProxy: false,
      apiRateLimit: 600,
      logLevel: 'info',
      webDist: join(REPO_ROOT, 'apps', 'web', 'dist'),
    });
    expect(config).not.toHaveProperty('databaseUrl');
    expect(config).not.toHaveProperty('authSecret');
  });

  it("leaves the public URL unset by default, whatever the port: each request's own origin is used", () => {
    expect(loadConfig({ PORT: '8080' }).publicUrl).toBeNull();
    expect(loadConfig({ RAISIN_PUBLIC_URL: ' ' }).publicUrl).toBeNull();
  });

  it('resolves a relative data dir against INIT_CWD, not the process cwd', () => {
    expect(loadConfig({ INIT_CWD: '/srv/raisin', RAISIN_DATA_DIR: 'db' }).dataDir).toBe('/srv/raisin/db');
    expect(loadConfig({ RAISIN_DATA_DIR: '/var/lib/raisin' }).dataDir).toBe('/var/lib/raisin');
    // The web build is part of the repo, so its default ignores INIT_CWD.
    expect(loadConfig({ INIT_CWD: '/srv/raisin' }).webDist).toBe(join(REPO_ROOT, 'apps', 'web', 'dist'));
  });

  it('treats empty variables as unset', () => {
    const config = loadConfig({ PORT: '', DATABASE_URL: ' ', RAISIN_AUTH_SECRET: '' });
    expect(config.port).toBe(3000);
    expect(config).not.toHaveProperty('databaseUrl');
    expect(config).not.toHaveProperty('authSecret');
  });

  it('normalises the public URL to an origin and rejects paths', () => {
    expect(loadConfig({ RAISIN_PUBLIC_URL: 'https://raisin.example.com/' }).publicUrl).toBe(
      'https://raisin.example.com',
    );
    expect(() => loadConfig({ RAISIN_PUBLIC_URL: 'https://example.com/raisin' })).toThrow(
      /RAISIN_PUBLIC_URL/,
    );
    expect(() => loadConfig({ RAISIN_PUBLIC_URL: 'ftp://example.com' })).toThrow(/RAISIN_PUBLIC_URL/);
  });

  it('parses body limits with units', () => {
    expect(loadConfig({ RAISIN_BODY_LIMIT: '2mb' }).bodyLimit).toBe(2 * 1024 * 1024);
    expect(loadConfig({ RAISIN_BODY_LIMIT: '512kb' }).bodyLimit).toBe(512 * 1024);
    expect(loadConfig({ RAISIN_BODY_LIMIT: '4096' }).bodyLimit).toBe(4096);
    expect(loadConfig({ RAISIN_UPLOAD_LIMIT: '5mb' }).uploadLimit).toBe(5 * 1024 * 1024);
    expect(loadConfig({ RAISIN_IMPORT_LIMIT: '50mb' }).importLimit).toBe(50 * 1024 * 1024);
    expect(() => loadConfig({ RAISIN_BODY_LIMIT: 'lots' })).toThrow(/RAISIN_BODY_LIMIT/);
  });

  it('parses trust-proxy settings', () => {
    expect(loadConfig({ RAISIN_TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ RAISIN_TRUST_PROXY: '2' }).trustProxy).toBe(2);
    expect(loadConfig({ RAISIN_TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).trustProxy).toEqual([
      '10.0.0.0/8',
      '127.0.0.1',
    ]);
    expect(
      loadConfig({ RAISIN_TRUST_PROXY: 'loopback, fd00::/8, 192.168.0.0/255.255.0.0' }).trustProxy,
    ).toEqual(['loopback', 'fd00::/8', '192.168.0.0/255.255.0.0']);
  });

  it('refuses a trust-proxy entry that is no address, naming the variable and the entry', () => {
    for (const value of ['maybe', '10.0.0.0/33', '10.0.0.1, proxy.internal', 'yes'])
      expect(() => loadConfig({ RAISIN_TRUST_PROXY: value }), value).toThrow(
        /RAISIN_TRUST_PROXY: .*not an address/,
      );
  });

  it('names every invalid variable in one error', () => {
    let caught: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        LOG_LEVEL: 'loud',
        RAISIN_AUTH_SECRET: 'short',
        DATABASE_URL: 'mysql://x',
      });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const message = (caught as ConfigError).message;
    for (const name of ['PORT', 'LOG_LEVEL', 'RAISIN_AUTH_SECRET', 'DATABASE_URL'])
      expect(message).toContain(name);
  });
});
