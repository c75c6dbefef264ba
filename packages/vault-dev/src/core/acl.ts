import type { Capability, PolicyRule } from './policy';

export type Operation = 'read' | 'create' | 'update' | 'patch' | 'delete' | 'list';

export interface Permission {
  allowed: boolean;
  sudo: boolean;
}

/** Merged rules for one path: capabilities and the wrapping TTL bounds (seconds). */
interface Grants {
  capabilities: Set<Capability>;
  minWrappingTtl: number;
  maxWrappingTtl: number;
}

const DENIED: Permission = { allowed: false, sudo: false };

/**
 * Vault's ACL: rules from every policy merged per path (capabilities add up, `deny`
 * wins), then exact paths before globs, and among globs and `+` paths the most
 * specific one alone decides; capabilities are not merged across different paths.
 */
export class Acl {
  private readonly exact = new Map<string, Grants>();
  private readonly wildcards: Array<{ pattern: string; grants: Grants }> = [];
  private readonly root: boolean;

  constructor(policies: Array<{ name: string; rules: PolicyRule[] }>) {
    this.root = policies.some((policy) => policy.name === 'root');
    const merged = new Map<string, Grants>();
    for (const rule of policies.flatMap((policy) => policy.rules)) {
      merged.set(rule.path, mergeRule(merged.get(rule.path), rule));
    }
    for (const [pattern, grants] of merged) {
      if (grants.capabilities.has('deny')) grants.capabilities.clear();
      if (pattern.endsWith('*') || pattern.split('/').includes('+')) {
        this.wildcards.push({ pattern, grants });
      } else {
        this.exact.set(pattern, grants);
      }
    }
  }

  /** `wrapTtl`: the X-Vault-Wrap-TTL of the request in seconds, 0 when not wrapped. */
  check(path: string, operation: Operation, wrapTtl = 0): Permission {
    if (this.root) return { allowed: true, sudo: true };
    const grants = this.findGrants(path, operation);
    if (!grants || !grants.capabilities.has(operation)) return DENIED;
    const { minWrappingTtl: min, maxWrappingTtl: max } = grants;
    if ((max > 0 && (wrapTtl === 0 || wrapTtl > max)) || (min > 0 && wrapTtl < min)) {
      return DENIED;
    }
    return { allowed: true, sudo: grants.capabilities.has('sudo') };
  }

  /**
   * Vault's order: the exact path; for a list, the exact path without its trailing
   * slash, then globs against that trimmed path (so `secret/metadata/app*` can
   * decide for `secret/metadata/app/`); then globs against the path as sent.
   */
  private findGrants(path: string, operation: Operation): Grants | undefined {
    const trimmed =
      operation === 'list' && path.endsWith('/') ? path.slice(0, -1) : undefined;
    return (
      this.exact.get(path) ??
      (trimmed === undefined ? undefined : this.exact.get(trimmed)) ??
      (trimmed === undefined ? undefined : this.bestWildcard(trimmed)) ??
      this.bestWildcard(path)
    );
  }

  private bestWildcard(path: string): Grants | undefined {
    let best: { pattern: string; grants: Grants } | undefined;
    const parts = path.split('/');
    for (const candidate of this.wildcards) {
      if (!wildcardMatches(candidate.pattern, parts)) continue;
      if (!best || isLowerPriority(best.pattern, candidate.pattern)) best = candidate;
    }
    return best?.grants;
  }
}

/** Vault's merge of two rules on one path: capabilities add up, TTL bounds widen. */
function mergeRule(existing: Grants | undefined, rule: PolicyRule): Grants {
  const grants = existing ?? {
    capabilities: new Set<Capability>(),
    minWrappingTtl: 0,
    maxWrappingTtl: 0,
  };
  rule.capabilities.forEach((capability) => grants.capabilities.add(capability));
  if (rule.minWrappingTtl > 0) {
    grants.minWrappingTtl = grants.minWrappingTtl
      ? Math.min(grants.minWrappingTtl, rule.minWrappingTtl)
      : rule.minWrappingTtl;
  }
  grants.maxWrappingTtl = Math.max(grants.maxWrappingTtl, rule.maxWrappingTtl);
  return grants;
}

function wildcardMatches(pattern: string, parts: string[]): boolean {
  const isPrefix = pattern.endsWith('*');
  const segments = (isPrefix ? pattern.slice(0, -1) : pattern).split('/');
  if (parts.length < segments.length) return false;
  if (!isPrefix && parts.length !== segments.length) return false;
  return segments.every((segment, index) => {
    if (segment === '+') return true;
    const part = parts[index] ?? '';
    return isPrefix && index === segments.length - 1
      ? part.startsWith(segment)
      : part === segment;
  });
}

const firstWildcard = (pattern: string): number => {
  const positions = [pattern.indexOf('+'), pattern.indexOf('*')].filter((i) => i >= 0);
  return positions.length ? Math.min(...positions) : pattern.length;
};

const plusCount = (pattern: string): number =>
  pattern.split('/').filter((segment) => segment === '+').length;

/** Vault's priority order for competing wildcard paths (see its policy docs). */
function isLowerPriority(a: string, b: string): boolean {
  if (firstWildcard(a) !== firstWildcard(b)) return firstWildcard(a) < firstWildcard(b);
  const aGlob = a.endsWith('*');
  const bGlob = b.endsWith('*');
  if (aGlob !== bGlob) return aGlob;
  if (plusCount(a) !== plusCount(b)) return plusCount(a) > plusCount(b);
  if (a.length !== b.length) return a.length < b.length;
  return a < b;
}
