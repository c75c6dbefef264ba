import { generateKeyPairSync, randomBytes, sign } from 'node:crypto';
import {
  bitString,
  booleanValue,
  explicit,
  objectIdentifier,
  octetString,
  sequence,
  set,
  smallInteger,
  tagged,
  time,
  unsignedInteger,
  utf8String,
} from './der';

const OID = {
  ecdsaWithSha256: '1.2.840.10045.4.3.2',
  commonName: '2.5.4.3',
  subjectAltName: '2.5.29.17',
  basicConstraints: '2.5.29.19',
};

export interface SelfSignedCertificate {
  certificate: string;
  privateKey: string;
}

const DAY_MS = 86_400_000;

function distinguishedName(commonName: string): Buffer {
  return sequence(
    set(sequence(objectIdentifier(OID.commonName), utf8String(commonName))),
  );
}

function extensions(hostnames: string[], addresses: number[][]): Buffer {
  const altNames = sequence(
    ...hostnames.map((name) => tagged(0x82, Buffer.from(name, 'ascii'))),
    ...addresses.map((octets) => tagged(0x87, Buffer.from(octets))),
  );
  return explicit(
    3,
    sequence(
      sequence(
        objectIdentifier(OID.basicConstraints),
        booleanValue(true),
        octetString(sequence()),
      ),
      sequence(objectIdentifier(OID.subjectAltName), octetString(altNames)),
    ),
  );
}

/**
 * A self-signed ECDSA P-256 certificate for the cluster's internal TLS, valid
 * for `localhost` and 127.0.0.1 unless told otherwise, and its PKCS#8 key.
 */
export function createSelfSignedCertificate(
  options: {
    commonName?: string;
    hostnames?: string[];
    validDays?: number;
    now?: Date;
  } = {},
): SelfSignedCertificate {
  const now = options.now ?? new Date();
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const algorithm = sequence(objectIdentifier(OID.ecdsaWithSha256));
  const name = distinguishedName(options.commonName ?? 'vault-secrets region controller');
  const serial = randomBytes(16);
  serial[0] = (serial[0] ?? 0) & 0x7f;

  const toBeSigned = sequence(
    explicit(0, smallInteger(2)),
    unsignedInteger(serial),
    algorithm,
    name,
    sequence(
      time(new Date(now.getTime() - DAY_MS)),
      time(new Date(now.getTime() + (options.validDays ?? 3650) * DAY_MS)),
    ),
    name,
    publicKey.export({ type: 'spki', format: 'der' }),
    extensions(options.hostnames ?? ['localhost'], [[127, 0, 0, 1]]),
  );
  const signature = sign('sha256', toBeSigned, { key: privateKey, dsaEncoding: 'der' });
  const der = sequence(toBeSigned, algorithm, bitString(signature));

  const base64Lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return {
    certificate: [
      '-----BEGIN CERTIFICATE-----',
      ...base64Lines,
      '-----END CERTIFICATE-----',
      '',
    ].join('\n'),
    privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  };
}
