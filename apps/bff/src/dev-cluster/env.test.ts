import { describe, expect, it } from 'vitest';
import { readDevClusterEnv } from './env';

describe('readDevClusterEnv', () => {
  it('uses the defaults of DESIGN.md when nothing is set', () => {
    expect(readDevClusterEnv({})).toEqual({
      dataDir: '.data',
      controllers: 3,
      basePort: 5240,
      vaultPort: 8200,
      adminPassword: undefined,
      databaseUrl: undefined,
      demoMachines: undefined,
    });
  });

  it('reads every variable', () => {
    const settings = readDevClusterEnv({
      DATA_DIR: '/tmp/cluster',
      CONTROLLERS: '5',
      PORT: '6000',
      VAULT_PORT: '0',
      ADMIN_PASSWORD: 'correct horse',
      DATABASE_URL: 'postgresql://db/maas',
      DEMO_MACHINES: '7',
    });
    expect(settings).toEqual({
      dataDir: '/tmp/cluster',
      controllers: 5,
      basePort: 6000,
      vaultPort: 0,
      adminPassword: 'correct horse',
      databaseUrl: 'postgresql://db/maas',
      demoMachines: 7,
    });
  });

  it('treats empty variables as unset', () => {
    expect(readDevClusterEnv({ PORT: '', CONTROLLERS: ' ' }).basePort).toBe(5240);
  });

  it('names every bad variable at once', () => {
    expect(() => readDevClusterEnv({ CONTROLLERS: 'three', PORT: '70000' })).toThrow(
      /CONTROLLERS: must be a number[\s\S]*PORT: must be 0 to 65535/,
    );
  });

  it('refuses a controller count of zero and fractional ports', () => {
    expect(() => readDevClusterEnv({ CONTROLLERS: '0' })).toThrow(
      /CONTROLLERS: must be 1/,
    );
    expect(() => readDevClusterEnv({ VAULT_PORT: '8200.5' })).toThrow(/whole number/);
  });

  it('refuses a first port that leaves no room for the other controllers', () => {
    expect(() => readDevClusterEnv({ PORT: '65535', CONTROLLERS: '2' })).toThrow(
      /no room for 2 controllers/,
    );
  });
});
