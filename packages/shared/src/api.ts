/** Paths of the BFF's HTTP API, shared by the server's routers and the web client. */
export const apiPaths = {
  login: '/api/v1/auth/login',
  logout: '/api/v1/auth/logout',
  session: '/api/v1/auth/session',
  vaultStatus: '/api/v1/vault/status',
  sealStatus: '/api/v1/vault/seal-status',
  unseal: '/api/v1/vault/unseal',
  controllers: '/api/v1/controllers',
  controllerVault: (id: string) => `/api/v1/controllers/${encodeURIComponent(id)}/vault`,
  migrate: '/api/v1/vault/migrate',
  migration: '/api/v1/vault/migration',
} as const;
