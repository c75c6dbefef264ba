import {
  controllersResponseSchema,
  sealStatusSchema,
  type Controller,
} from '@vault-secrets/shared';
import { expect } from 'vitest';
import type { HttpClient, HttpResult } from '../support/http-client';
import type { VaultTestController } from './vault-controller';

/** `GET /api/v1/vault/seal-status` of one controller, anonymous, checked. */
export async function sealStatus(controller: VaultTestController) {
  const result = await controller.client().get('/api/v1/vault/seal-status');
  expect(result.status).toBe(200);
  return sealStatusSchema.parse(result.body);
}

/** `POST /api/v1/vault/unseal` as the sealed login screen sends it. */
export async function unseal(
  controller: VaultTestController,
  body: unknown,
): Promise<HttpResult> {
  const client = controller.client();
  await client.primeCsrf();
  return client.post('/api/v1/vault/unseal', body);
}

/** One controller's row in `GET /api/v1/controllers`, as `client` sees it. */
export async function controllerRow(
  client: HttpClient,
  id: string,
): Promise<Controller | undefined> {
  const result = await client.get('/api/v1/controllers');
  return controllersResponseSchema
    .parse(result.body)
    .controllers.find((c) => c.id === id);
}

/** Polls until `check` holds; the monitors and heartbeats run on short periods here. */
export async function eventually<T>(
  read: () => Promise<T>,
  check: (value: T) => boolean,
): Promise<T> {
  const deadline = Date.now() + 8_000;
  let value = await read();
  while (!check(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}
