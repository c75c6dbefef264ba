import { Acl } from './acl';
import {
  DEFAULT_POLICY,
  parsePolicy,
  RESPONSE_WRAPPING_POLICY,
  type PolicyRule,
} from './policy';
import type { BarrierStorage } from './storage';
import { badRequest } from './vault-error';

interface StoredPolicy {
  name: string;
  text: string;
}

const PREFIX = 'policy/';
const BUILT_IN: Record<string, PolicyRule[]> = {
  'response-wrapping': parsePolicy(RESPONSE_WRAPPING_POLICY),
};

/** ACL policies in the barrier, with parsed rules and per-policy-set ACLs cached. */
export class PolicyStore {
  private readonly parsed = new Map<string, PolicyRule[]>();
  private readonly acls = new Map<string, Acl>();

  constructor(private readonly storage: BarrierStorage) {}

  /** Writes Vault's `default` policy on a fresh barrier. */
  ensureDefault(): void {
    if (!this.read('default')) this.write('default', DEFAULT_POLICY);
  }

  names(): string[] {
    const stored = [...this.storage.entriesWithPrefix(PREFIX)].map(([key]) =>
      key.slice(PREFIX.length),
    );
    return [...stored, 'root'].sort();
  }

  read(name: string): string | undefined {
    return this.storage.get<StoredPolicy>(PREFIX + name)?.text;
  }

  write(name: string, text: string): void {
    if (name === 'root') throw badRequest('cannot update "root" policy');
    if (name === 'response-wrapping')
      throw badRequest('cannot update "response-wrapping" policy');
    let rules: PolicyRule[];
    try {
      rules = parsePolicy(text);
    } catch (error) {
      throw badRequest((error as Error).message);
    }
    this.storage.put(PREFIX + name, { name, text });
    this.parsed.set(name, rules);
    this.acls.clear();
  }

  delete(name: string): void {
    if (name === 'root' || name === 'default') {
      throw badRequest(`cannot delete "${name}" policy`);
    }
    this.storage.delete(PREFIX + name);
    this.parsed.delete(name);
    this.acls.clear();
  }

  acl(policies: string[]): Acl {
    const key = policies.join(',');
    const cached = this.acls.get(key);
    if (cached) return cached;
    const acl = new Acl(policies.map((name) => ({ name, rules: this.rules(name) })));
    this.acls.set(key, acl);
    return acl;
  }

  /** Drops caches (after a seal: the next unseal may load different data). */
  reset(): void {
    this.parsed.clear();
    this.acls.clear();
  }

  private rules(name: string): PolicyRule[] {
    const builtIn = BUILT_IN[name];
    if (builtIn) return builtIn;
    const cached = this.parsed.get(name);
    if (cached) return cached;
    const text = this.read(name);
    const rules = text ? parsePolicy(text) : [];
    this.parsed.set(name, rules);
    return rules;
  }
}
