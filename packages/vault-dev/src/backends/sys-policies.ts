import {
  logicalReply,
  noContent,
  stringField,
  type HandlerRequest,
  type Route,
} from '../core/routing';
import type { VaultCore } from '../core/vault-core';
import { badRequest, notFound } from '../core/vault-error';

function readPolicy(core: VaultCore, name: string, legacy: boolean) {
  const text = name === 'root' ? '' : core.policies.read(name);
  if (text === undefined) throw notFound();
  const data = legacy ? { name, rules: text } : { name, policy: text };
  const reply = logicalReply(data);
  // The old sys/policy endpoint also answers at the top level.
  if (legacy) reply.body = { ...data, ...(reply.body as object) };
  return reply;
}

function writePolicy(core: VaultCore, request: HandlerRequest, legacy: boolean) {
  const name = (request.params.name ?? '').toLowerCase();
  const text =
    stringField(request.body, 'policy') ??
    (legacy ? stringField(request.body, 'rules') : undefined);
  if (!text) throw badRequest("'policy' parameter not supplied or empty");
  core.policies.write(name, text);
  return noContent();
}

function listPolicies(core: VaultCore, legacy: boolean) {
  const keys = core.policies.names();
  const reply = logicalReply(legacy ? { keys, policies: keys } : { keys });
  if (legacy) reply.body = { keys, policies: keys, ...(reply.body as object) };
  return reply;
}

function policyRoutes(core: VaultCore, base: string, legacy: boolean): Route[] {
  const name = (r: HandlerRequest) => (r.params.name ?? '').toLowerCase();
  return [
    {
      pattern: new RegExp(`^${base}/?$`),
      metric: `sys/${base}`,
      // sys/policy lists on GET too; sys/policies/acl only on LIST (or ?list=true).
      operations: legacy
        ? { list: () => listPolicies(core, true), read: () => listPolicies(core, true) }
        : { list: () => listPolicies(core, false) },
    },
    {
      pattern: new RegExp(`^${base}/(?<name>[^/]+)$`),
      metric: `sys/${base}`,
      operations: {
        read: (r) => readPolicy(core, name(r), legacy),
        create: (r) => writePolicy(core, r, legacy),
        update: (r) => writePolicy(core, r, legacy),
        delete: (r) => {
          core.policies.delete(name(r));
          return noContent();
        },
      },
    },
  ];
}

export const policiesRoutes = (core: VaultCore): Route[] => [
  ...policyRoutes(core, 'policies/acl', false),
  ...policyRoutes(core, 'policy', true),
];
