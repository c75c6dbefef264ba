import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { VaultHealth } from './adapter';
import { createVaultHealthMonitor, type VaultHealthMonitor } from './health-monitor';
import { createCapturedLogger } from './test-support/captured-logger';
import { closedPortUrl } from './test-support/other-servers';
import { requestsServed, startDevVault, type DevVault } from './test-support/dev-vault';

let vault: DevVault;
let monitor: VaultHealthMonitor | undefined;

beforeAll(async () => {
  vault = await startDevVault();
});
afterEach(() => monitor?.stop());
afterAll(() => vault.close());

const healthRequestsServed = () => requestsServed(vault, 'health');

describe('the Vault health monitor', () => {
  it('sees a seal and an unseal within a couple of periods, and logs both', async () => {
    const captured = createCapturedLogger();
    const changes: Array<{ current: VaultHealth; previous: VaultHealth | null }> = [];
    monitor = createVaultHealthMonitor({
      url: vault.url,
      logger: captured.logger,
      onChange: (current, previous) => changes.push({ current, previous }),
    });
    expect(await monitor.firstCheck()).toMatchObject({ reachable: true, sealed: false });

    await vault.seal();
    await vi.waitFor(() => expect(monitor?.current()?.sealed).toBe(true), {
      timeout: 3_000,
      interval: 50,
    });
    expect(captured.text()).toContain('vault sealed seen');

    await vault.unseal();
    await vi.waitFor(() => expect(monitor?.current()?.sealed).toBe(false), {
      timeout: 3_000,
      interval: 50,
    });
    expect(captured.text()).toContain('vault unsealed seen');
    expect(changes.map((change) => change.current.sealed)).toEqual([false, true, false]);
    expect(captured.text()).not.toContain(vault.rootToken);
  });

  it('serves its cache to any number of callers without asking Vault more often', async () => {
    monitor = createVaultHealthMonitor({
      url: vault.url,
      intervalMs: 1_000,
      logger: createCapturedLogger().logger,
    });
    await monitor.firstCheck();
    const before = await healthRequestsServed();
    for (let i = 0; i < 1_000; i += 1) expect(monitor.current()?.reachable).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const during = (await healthRequestsServed()) - before;
    expect(during).toBeGreaterThanOrEqual(1);
    expect(during).toBeLessThanOrEqual(3);
  });

  it('reports an unreachable Vault with its URL and keeps checking', async () => {
    const url = await closedPortUrl();
    const captured = createCapturedLogger();
    monitor = createVaultHealthMonitor({ url, intervalMs: 100, logger: captured.logger });
    const first = await monitor.firstCheck();
    expect(first).toMatchObject({ reachable: false, errorKind: 'unreachable' });
    expect(first.error).toContain(url);
    await vi.waitFor(() =>
      expect(monitor?.current()?.checkedAt).not.toBe(first.checkedAt),
    );
    expect(captured.text()).toContain('vault unreachable seen');
  });

  it('stops asking once stopped', async () => {
    monitor = createVaultHealthMonitor({
      url: vault.url,
      intervalMs: 100,
      logger: createCapturedLogger().logger,
    });
    await monitor.firstCheck();
    monitor.stop();
    const last = monitor.current();
    const before = await healthRequestsServed();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await healthRequestsServed()).toBe(before);
    expect(monitor.current()).toBe(last);
  });
});
