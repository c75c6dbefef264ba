import { parseDurationSeconds } from './duration';
import { parseHcl, type HclObject, type HclValue } from './hcl';

export const CAPABILITIES = [
  'create',
  'read',
  'update',
  'patch',
  'delete',
  'list',
  'sudo',
  'deny',
  'subscribe',
] as const;
export type Capability = (typeof CAPABILITIES)[number];

export interface PolicyRule {
  path: string;
  capabilities: Capability[];
  /** Seconds; 0 = no bound. A request outside the bounds is denied, as in Vault. */
  minWrappingTtl: number;
  maxWrappingTtl: number;
}

// The keys Vault accepts in a path block; any other is an error there too.
// Limitation: allowed_parameters, denied_parameters, required_parameters,
// mfa_methods and control_group are accepted but not enforced.
const PATH_KEYS = new Set([
  'comment',
  'policy',
  'capabilities',
  'allowed_parameters',
  'denied_parameters',
  'required_parameters',
  'min_wrapping_ttl',
  'max_wrapping_ttl',
  'mfa_methods',
  'control_group',
  'subscribe_event_types',
]);
const TOP_LEVEL_KEYS = new Set(['name', 'path']);

// The pre-0.9 `policy = "…"` shorthand, still accepted by Vault.
const LEGACY_POLICY: Record<string, Capability[]> = {
  deny: ['deny'],
  read: ['read', 'list'],
  write: ['create', 'read', 'update', 'delete', 'list'],
  sudo: ['create', 'read', 'update', 'delete', 'list', 'sudo'],
};

/** Parses HCL or JSON policy text; throws an Error whose message says what is wrong. */
export function parsePolicy(text: string): PolicyRule[] {
  let document: HclObject;
  try {
    document = text.trim().startsWith('{')
      ? (JSON.parse(text) as HclObject)
      : parseHcl(text);
  } catch (error) {
    throw new Error(`failed to parse policy: ${(error as Error).message}`);
  }
  const unknown = Object.keys(document).find((key) => !TOP_LEVEL_KEYS.has(key));
  if (unknown) throw new Error(`failed to parse policy: invalid key "${unknown}"`);
  const paths = document.path ?? {};
  if (typeof paths !== 'object' || Array.isArray(paths)) {
    throw new Error('failed to parse policy: "path" must be a block per path');
  }
  return Object.entries(paths).map(([path, body]) => parseRule(path, body));
}

function parseRule(path: string, body: HclValue): PolicyRule {
  const block = Array.isArray(body) ? body[0] : body;
  if (typeof block !== 'object' || block === null || Array.isArray(block)) {
    throw new Error(`failed to parse policy: path "${path}" needs a block`);
  }
  const unknown = Object.keys(block).find((key) => !PATH_KEYS.has(key));
  if (unknown) {
    throw new Error(`failed to parse policy: path "${path}": invalid key "${unknown}"`);
  }
  const rule: PolicyRule = {
    path: path.replace(/^\//, ''),
    capabilities: parseCapabilities(path, block),
    minWrappingTtl: wrappingTtl(path, block, 'min_wrapping_ttl'),
    maxWrappingTtl: wrappingTtl(path, block, 'max_wrapping_ttl'),
  };
  if (
    rule.minWrappingTtl &&
    rule.maxWrappingTtl &&
    rule.maxWrappingTtl < rule.minWrappingTtl
  ) {
    throw new Error(
      `failed to parse policy: path "${path}": max_wrapping_ttl cannot be less than min_wrapping_ttl`,
    );
  }
  return rule;
}

function parseCapabilities(path: string, block: HclObject): Capability[] {
  const capabilities = new Set<Capability>();
  const listed = block.capabilities ?? [];
  if (!Array.isArray(listed)) {
    throw new Error(
      `failed to parse policy: path "${path}": capabilities must be a list`,
    );
  }
  for (const capability of listed) {
    if (!CAPABILITIES.includes(capability as Capability)) {
      throw new Error(
        `failed to parse policy: path "${path}": invalid capability "${String(capability)}"`,
      );
    }
    capabilities.add(capability as Capability);
  }
  if (typeof block.policy === 'string') {
    const legacy = LEGACY_POLICY[block.policy];
    if (!legacy)
      throw new Error(`failed to parse policy: invalid policy "${block.policy}"`);
    legacy.forEach((capability) => capabilities.add(capability));
  }
  return [...capabilities];
}

function wrappingTtl(path: string, block: HclObject, key: string): number {
  const raw = block[key];
  if (raw === undefined) return 0;
  try {
    return parseDurationSeconds(raw);
  } catch (error) {
    throw new Error(
      `failed to parse policy: path "${path}": error parsing ${key}: ${(error as Error).message}`,
    );
  }
}

/** Lets a token look after itself and unwrap (Vault's `default` policy, in short). */
export const DEFAULT_POLICY = `# Every token may see, extend and end itself, and use response wrapping.
path "auth/token/lookup-self" { capabilities = ["read"] }
path "auth/token/renew-self" { capabilities = ["update"] }
path "auth/token/revoke-self" { capabilities = ["update"] }
path "sys/capabilities-self" { capabilities = ["update"] }
path "sys/wrapping/wrap" { capabilities = ["update"] }
path "sys/wrapping/lookup" { capabilities = ["update"] }
path "sys/wrapping/unwrap" { capabilities = ["update"] }
path "sys/renew" { capabilities = ["update"] }
path "sys/leases/renew" { capabilities = ["update"] }
`;

/** Wrapping tokens can do nothing but be unwrapped or looked up. */
export const RESPONSE_WRAPPING_POLICY = `path "sys/wrapping/unwrap" { capabilities = ["update"] }
path "sys/wrapping/lookup" { capabilities = ["update"] }
`;
