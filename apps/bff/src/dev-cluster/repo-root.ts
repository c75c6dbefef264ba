import { fileURLToPath } from 'node:url';

/** The repository's root, where the parts' entry points and the web build live. */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
