export * from './api';
export * from './auth';
export * from './controllers';
export * from './errors';
export * from './vault-input';
export * from './vault-status';
