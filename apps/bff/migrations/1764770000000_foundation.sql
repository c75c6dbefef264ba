-- Up Migration

CREATE TABLE controllers (
  id uuid PRIMARY KEY,
  name text NOT NULL,
  url text NOT NULL,
  registered_at timestamptz NOT NULL DEFAULT now(),
  last_seen timestamptz,
  -- Set on a clean shutdown so the controller shows offline at once.
  stopped_at timestamptz,
  vault_configured_at timestamptz,
  vault_check jsonb
);

CREATE TABLE secrets (
  path text PRIMARY KEY,
  value jsonb NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username text NOT NULL UNIQUE,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('admin', 'user')),
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE sessions (
  -- SHA-256 of the session id: a database dump does not hand out live sessions.
  id text PRIMARY KEY,
  user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  last_seen timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sessions_expires_at_idx ON sessions (expires_at);
CREATE INDEX sessions_user_id_idx ON sessions (user_id);

-- Exactly one row of cluster-wide flags.
CREATE TABLE cluster_settings (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  vault_enabled boolean NOT NULL DEFAULT false,
  demo_seeded_at timestamptz
);
INSERT INTO cluster_settings DEFAULT VALUES;

CREATE TABLE machines (
  id text PRIMARY KEY,
  hostname text NOT NULL UNIQUE,
  power_type text NOT NULL
);

CREATE TABLE vault_migrations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  state text NOT NULL CHECK (state IN ('running', 'paused', 'failed', 'succeeded')),
  total integer NOT NULL DEFAULT 0 CHECK (total >= 0),
  migrated integer NOT NULL DEFAULT 0 CHECK (migrated >= 0),
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  error text
);

-- Down Migration

DROP TABLE vault_migrations;
DROP TABLE machines;
DROP TABLE cluster_settings;
DROP TABLE sessions;
DROP TABLE users;
DROP TABLE secrets;
DROP TABLE controllers;
