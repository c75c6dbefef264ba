import type { Capability, PolicyRule } from './policy';

export type Operation = 'read' | 'create' | 'update' | 'delete' | 'list';

export interface Permission {
  allowed: boolean;
  sudo: boolean;
}

type Grants = Set<Capability>;

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
      const grants = merged.get(rule.path) ?? new Set<Capability>();
      rule.capabilities.forEach((capability) => grants.add(capability));
      merged.set(rule.path, grants);
    }
    for (const [pattern, grants] of merged) {
      if (grants.has('deny')) grants.clear();
      if (pattern.endsWith('*') || pattern.split('/').includes('+')) {
        this.wildcards.push({ pattern, grants });
      } else {
        this.exact.set(pattern, grants);
      }
    }
  }

  check(path: string, operation: Operation): Permission {
    if (this.root) return { allowed: true, sudo: true };
    const grants = this.findGrants(path, operation);
    if (!grants) return { allowed: false, sudo: false };
    return { allowed: grants.has(operation), sudo: grants.has('sudo') };
  }

  private findGrants(path: string, operation: Operation): Grants | undefined {
    // List requests carry a trailing slash; a rule without it still applies.
    const trimmed = operation === 'list' ? path.replace(/\/$/, '') : undefined;
    const exact =
      this.exact.get(path) ??
      (trimmed === undefined ? undefined : this.exact.get(trimmed));
    if (exact) return exact;
    return (
      this.bestWildcard(path) ??
      (trimmed === undefined ? undefined : this.bestWildcard(trimmed))
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
