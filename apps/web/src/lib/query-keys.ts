// Query keys in one place: features invalidate each other's data through these,
// without importing each other.
export const queryKeys = {
  session: ['session'],
  controllers: ['controllers'],
  integrationStatus: ['vault', 'status'],
  sealStatus: ['vault', 'seal-status'],
} as const;
