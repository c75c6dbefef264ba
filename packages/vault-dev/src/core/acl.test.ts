import { describe, expect, it } from 'vitest';
import { Acl } from './acl';
import { parsePolicy } from './policy';

const aclOf = (...texts: string[]) =>
  new Acl(texts.map((text, index) => ({ name: `p${index}`, rules: parsePolicy(text) })));

describe('ACL path matching', () => {
  it('treats * as a trailing prefix glob that does not match the bare parent', () => {
    const acl = aclOf('path "secret/data/app/*" { capabilities = ["read"] }');
    expect(acl.check('secret/data/app/db', 'read').allowed).toBe(true);
    expect(acl.check('secret/data/app/deep/er', 'read').allowed).toBe(true);
    expect(acl.check('secret/data/app', 'read').allowed).toBe(false);
    expect(acl.check('secret/data/application', 'read').allowed).toBe(false);
    expect(
      aclOf('path "secret/data/app*" { capabilities = ["read"] }').check(
        'secret/data/application',
        'read',
      ).allowed,
    ).toBe(true);
  });

  it('matches + as exactly one segment', () => {
    const acl = aclOf('path "secret/data/+/db" { capabilities = ["read"] }');
    expect(acl.check('secret/data/team/db', 'read').allowed).toBe(true);
    expect(acl.check('secret/data/team/x/db', 'read').allowed).toBe(false);
    expect(acl.check('secret/data/team/dbx', 'read').allowed).toBe(false);
  });

  it('lets the most specific path decide, without merging across paths', () => {
    const acl = aclOf(`
      path "secret/data/*" { capabilities = ["read", "update"] }
      path "secret/data/app/*" { capabilities = ["read"] }
    `);
    expect(acl.check('secret/data/app/x', 'update').allowed).toBe(false);
    expect(acl.check('secret/data/other', 'update').allowed).toBe(true);
  });

  it('puts an exact path before any glob, and a later wildcard below an earlier literal', () => {
    const acl = aclOf(`
      path "secret/data/app/db" { capabilities = ["deny"] }
      path "secret/data/app/*" { capabilities = ["read"] }
      path "secret/data/+/db2" { capabilities = ["read", "update"] }
      path "secret/data/app/+" { capabilities = ["list"] }
    `);
    expect(acl.check('secret/data/app/db', 'read').allowed).toBe(false);
    // "secret/data/app/+" has its first wildcard later than "secret/data/+/db2".
    expect(acl.check('secret/data/app/db2', 'update').allowed).toBe(false);
    expect(acl.check('secret/data/app/db2', 'list').allowed).toBe(true);
  });

  it('merges the same path across policies, and deny wins there', () => {
    const merged = aclOf(
      'path "kv/data/a" { capabilities = ["read"] }',
      'path "kv/data/a" { capabilities = ["update"] }',
    );
    expect(merged.check('kv/data/a', 'update').allowed).toBe(true);
    expect(merged.check('kv/data/a', 'read').allowed).toBe(true);
    const denied = aclOf(
      'path "kv/data/a" { capabilities = ["read"] }',
      'path "kv/data/a" { capabilities = ["deny"] }',
    );
    expect(denied.check('kv/data/a', 'read').allowed).toBe(false);
  });

  it('checks list with the trailing slash and falls back to the path without it', () => {
    const glob = aclOf('path "secret/metadata/app/*" { capabilities = ["list"] }');
    expect(glob.check('secret/metadata/app/', 'list').allowed).toBe(true);
    expect(glob.check('secret/metadata/app/', 'read').allowed).toBe(false);
    const exact = aclOf('path "secret/metadata/app" { capabilities = ["list"] }');
    expect(exact.check('secret/metadata/app/', 'list').allowed).toBe(true);
  });

  it('reports sudo and gives root everything', () => {
    const acl = aclOf('path "sys/seal" { capabilities = ["update", "sudo"] }');
    expect(acl.check('sys/seal', 'update')).toEqual({ allowed: true, sudo: true });
    const root = new Acl([{ name: 'root', rules: [] }]);
    expect(root.check('anything/at/all', 'delete')).toEqual({
      allowed: true,
      sudo: true,
    });
  });
});

describe('list requests', () => {
  it('try globs on the path without its trailing slash first, as Vault does', () => {
    const acl = aclOf(`
      path "secret/metadata/app*" { capabilities = ["list"] }
      path "secret/metadata/app/*" { capabilities = ["read"] }
    `);
    expect(acl.check('secret/metadata/app/', 'list').allowed).toBe(true);
    expect(acl.check('secret/metadata/app/x/', 'list').allowed).toBe(false);
    expect(acl.check('secret/metadata/app/x', 'read').allowed).toBe(true);
  });
});

describe('wrapping TTL bounds in policies', () => {
  const bounded = () =>
    aclOf(`path "auth/approle/role/app/secret-id" {
      capabilities = ["update"]
      min_wrapping_ttl = "1m"
      max_wrapping_ttl = 3600
    }`);

  it('requires a wrap TTL within min_wrapping_ttl and max_wrapping_ttl', () => {
    const path = 'auth/approle/role/app/secret-id';
    expect(bounded().check(path, 'update', 300).allowed).toBe(true);
    expect(bounded().check(path, 'update', 3600).allowed).toBe(true);
    expect(bounded().check(path, 'update', 3601).allowed).toBe(false);
    expect(bounded().check(path, 'update', 30).allowed).toBe(false);
    expect(bounded().check(path, 'update').allowed).toBe(false);
  });

  it('widens the bounds when two policies name the same path', () => {
    const acl = aclOf(
      'path "x" { capabilities = ["read"]\n max_wrapping_ttl = "1m" }',
      'path "x" { capabilities = ["read"]\n max_wrapping_ttl = "1h" }',
    );
    expect(acl.check('x', 'read', 1800).allowed).toBe(true);
  });

  it('refuses a max below the min and a bad duration', () => {
    expect(() =>
      parsePolicy('path "x" { min_wrapping_ttl = 60\n max_wrapping_ttl = 30 }'),
    ).toThrow('max_wrapping_ttl cannot be less than min_wrapping_ttl');
    expect(() => parsePolicy('path "x" { max_wrapping_ttl = "soon" }')).toThrow(
      'error parsing max_wrapping_ttl',
    );
  });
});

describe('policy parsing', () => {
  it('reads HCL with comments and JSON', () => {
    const hcl = parsePolicy(`
      # a comment
      // another
      /* block */
      path "secret/data/x" {
        capabilities = ["read", "list",]
      }
      path "old/style" { policy = "write" }
    `);
    expect(hcl).toMatchObject([
      { path: 'secret/data/x', capabilities: ['read', 'list'] },
      { path: 'old/style', capabilities: ['create', 'read', 'update', 'delete', 'list'] },
    ]);
    const json = parsePolicy('{"path": {"a/*": {"capabilities": ["read"]}}}');
    expect(json).toEqual([
      { path: 'a/*', capabilities: ['read'], minWrappingTtl: 0, maxWrappingTtl: 0 },
    ]);
  });

  it('refuses keys that Vault does not know, at the top and in a path', () => {
    expect(() => parsePolicy('path "a" { capabilites = ["read"] }')).toThrow(
      'path "a": invalid key "capabilites"',
    );
    expect(() => parsePolicy('paths "a" { capabilities = ["read"] }')).toThrow(
      'invalid key "paths"',
    );
    expect(() =>
      parsePolicy('path "a" { capabilities = ["read"]\n required_parameters = ["x"] }'),
    ).not.toThrow();
  });

  it('names what is wrong in a bad policy', () => {
    expect(() => parsePolicy('path "a" { capabilities = ["fly"] }')).toThrow(
      'invalid capability "fly"',
    );
    expect(() => parsePolicy('path "a" { capabilities = ["read"]')).toThrow(
      'failed to parse policy',
    );
  });
});
