/** Name of the request counter in sys/metrics?format=prometheus. */
export const REQUESTS_METRIC = 'vault_dev_requests_total';

const escapeLabel = (value: string): string =>
  value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');

/** Request counts by method, normalised path (mount plus operation) and status. */
export class RequestMetrics {
  private readonly counts = new Map<
    string,
    { method: string; path: string; status: number; count: number }
  >();

  record(method: string, path: string, status: number): void {
    const key = `${method} ${path} ${status}`;
    const entry = this.counts.get(key);
    if (entry) entry.count += 1;
    else this.counts.set(key, { method, path, status, count: 1 });
  }

  prometheus(): string {
    const lines = [
      `# HELP ${REQUESTS_METRIC} Requests handled by vault-dev by method, path and status.`,
      `# TYPE ${REQUESTS_METRIC} counter`,
    ];
    for (const { method, path, status, count } of this.counts.values()) {
      lines.push(
        `${REQUESTS_METRIC}{method="${escapeLabel(method)}",path="${escapeLabel(path)}",status="${status}"} ${count}`,
      );
    }
    const memory = process.memoryUsage();
    const cpu = process.cpuUsage();
    lines.push(
      '# HELP vault_dev_process_cpu_seconds_total CPU time (user and system) of the server.',
      '# TYPE vault_dev_process_cpu_seconds_total counter',
      `vault_dev_process_cpu_seconds_total ${(cpu.user + cpu.system) / 1e6}`,
    );
    lines.push(
      '# HELP vault_dev_process_resident_memory_bytes Resident set size of the server.',
      '# TYPE vault_dev_process_resident_memory_bytes gauge',
      `vault_dev_process_resident_memory_bytes ${memory.rss}`,
      '# HELP vault_dev_heap_used_bytes V8 heap in use.',
      '# TYPE vault_dev_heap_used_bytes gauge',
      `vault_dev_heap_used_bytes ${memory.heapUsed}`,
    );
    return `${lines.join('\n')}\n`;
  }

  /** Vault's JSON metrics shape (go-metrics' in-memory sink), counters only. */
  json() {
    return {
      Timestamp: new Date().toISOString(),
      Gauges: [],
      Counters: [...this.counts.values()].map(({ method, path, status, count }) => ({
        Name: REQUESTS_METRIC,
        Count: count,
        Sum: count,
        Labels: { method, path, status: String(status) },
      })),
      Samples: [],
    };
  }
}
