import { parseArgs } from 'node:util';

export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface CreateAdminArgs {
  username: string;
  password: string | undefined;
  role: 'admin' | 'user';
  update: boolean;
  controllerDir: string | undefined;
}

export function parseCreateAdminArgs(argv: string[]): CreateAdminArgs {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        username: { type: 'string' },
        password: { type: 'string' },
        role: { type: 'string', default: 'admin' },
        update: { type: 'boolean', default: false },
        'controller-dir': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!values.username?.trim()) throw new UsageError('--username is required.');
  if (values.role !== 'admin' && values.role !== 'user') {
    throw new UsageError('--role must be admin or user.');
  }
  return {
    username: values.username.trim(),
    password: values.password,
    role: values.role,
    update: values.update ?? false,
    controllerDir: values['controller-dir'],
  };
}
