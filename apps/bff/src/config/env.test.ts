import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './env';

function problemsOf(env: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('loadConfig', () => {
  it('fills every default from an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      databaseUrl: undefined,
      dataDir: path.resolve('.data'),
      controllerDir: path.resolve('.data/controller'),
      host: '127.0.0.1',
      port: 5240,
      controllerUrl: undefined,
      adminUsername: 'admin',
      adminPassword: undefined,
      demoMachines: 50,
      logLevel: 'info',
    });
    expect(config.controllerName).toMatch(/^region-/);
    expect(config.webDist).toMatch(/apps[/\\]web[/\\]dist$/);
  });

  it('puts the controller directory under DATA_DIR unless CONTROLLER_DIR says otherwise', () => {
    expect(loadConfig({ DATA_DIR: '/srv/data' }).controllerDir).toBe(
      '/srv/data/controller',
    );
    expect(
      loadConfig({ DATA_DIR: '/srv/data', CONTROLLER_DIR: '/etc/r1' }).controllerDir,
    ).toBe('/etc/r1');
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', PORT: ' ' })).toMatchObject({
      databaseUrl: undefined,
      port: 5240,
    });
  });

  it('names each bad variable, and never repeats a database URL', () => {
    const problems = problemsOf({
      DATABASE_URL: 'mysql://root:hunter2@db/app',
      PORT: 'eighty',
      DEMO_MACHINES: '-1',
      LOG_LEVEL: 'loud',
      CONTROLLER_URL: 'ftp://x',
    });
    expect(problems.map((p) => p.split(':')[0]).sort()).toEqual([
      'CONTROLLER_URL',
      'DATABASE_URL',
      'DEMO_MACHINES',
      'LOG_LEVEL',
      'PORT',
    ]);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.find((p) => p.startsWith('DATABASE_URL'))).toContain('postgresql://');
  });

  it('explains a DATABASE_URL that is not a URL or names no database', () => {
    expect(problemsOf({ DATABASE_URL: 'localhost:5432' })[0]).toMatch(/postgresql:\/\//);
    expect(problemsOf({ DATABASE_URL: 'postgresql://db.example' })[0]).toMatch(
      /database/,
    );
  });
});
