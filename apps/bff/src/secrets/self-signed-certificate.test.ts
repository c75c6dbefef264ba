import { createPrivateKey, X509Certificate } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { objectIdentifier, time, unsignedInteger } from './der';
import { createSelfSignedCertificate } from './self-signed-certificate';

describe('DER encoding', () => {
  it('encodes object identifiers with multi-byte arcs', () => {
    // 1.2.840.10045.4.3.2 (ecdsa-with-SHA256), as in RFC 5758.
    expect(objectIdentifier('1.2.840.10045.4.3.2').toString('hex')).toBe(
      '06082a8648ce3d040302',
    );
  });

  it('pads integers whose top bit is set and trims leading zeros', () => {
    expect(unsignedInteger(Buffer.from([0x80])).toString('hex')).toBe('02020080');
    expect(unsignedInteger(Buffer.from([0, 0, 5])).toString('hex')).toBe('020105');
  });

  it('switches from UTCTime to GeneralizedTime in 2050', () => {
    expect(time(new Date('2049-12-31T23:59:59Z'))[0]).toBe(0x17);
    expect(time(new Date('2050-01-01T00:00:00Z'))[0]).toBe(0x18);
  });
});

describe('self-signed certificate', () => {
  it('parses, verifies with its own key and matches the private key', () => {
    const { certificate, privateKey } = createSelfSignedCertificate({
      commonName: 'region test',
      now: new Date('2026-01-01T00:00:00Z'),
      validDays: 30,
    });
    const parsed = new X509Certificate(certificate);
    expect(parsed.subject).toBe('CN=region test');
    expect(parsed.issuer).toBe(parsed.subject);
    expect(parsed.verify(parsed.publicKey)).toBe(true);
    expect(parsed.checkPrivateKey(createPrivateKey(privateKey))).toBe(true);
    expect(parsed.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(new Date(parsed.validTo).toISOString()).toBe('2026-01-31T00:00:00.000Z');
    expect(parsed.ca).toBe(false);
  });
});
