import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** SM3 digest (GB/T 32905) as lowercase hex. */
export const sm3 = (data: string | Buffer): string => createHash('sm3').update(data).digest('hex');

/** HMAC-SM3 as lowercase hex. */
export const hmacSm3 = (key: Buffer, data: string | Buffer): string => createHmac('sm3', key).update(data).digest('hex');

/** SHA-256 as lowercase hex. */
export const sha256 = (data: string | Buffer): string => createHash('sha256').update(data).digest('hex');

const ENVELOPE_VERSION = 'v1';

export interface FieldKeys {
  keyId: string;
  encKey: Buffer; // 16 bytes, SM4
  macKey: Buffer; // HMAC-SM3
}

/**
 * Encrypts a field value with SM4-CBC, then MACs header, IV and ciphertext with HMAC-SM3
 * (encrypt-then-MAC; Node has no SM4-GCM). Envelope: `v1|keyId|iv|ct|mac`, base64 parts.
 */
export const encryptField = (keys: FieldKeys, plaintext: string): string => {
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', keys.encKey, iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  const header = `${ENVELOPE_VERSION}|${keys.keyId}`;
  const mac = createHmac('sm3', keys.macKey).update(header).update(iv).update(ct).digest();
  return [header, iv.toString('base64'), ct.toString('base64'), mac.toString('base64')].join('|');
};

/** Decrypts an envelope made by `encryptField`; a changed byte fails closed with an error. */
export const decryptField = (keys: FieldKeys, envelope: string): string => {
  const parts = envelope.split('|');
  if (parts.length !== 5 || parts[0] !== ENVELOPE_VERSION) throw new Error('加密字段格式无效');
  const [version, keyId, ivB64, ctB64, macB64] = parts as [string, string, string, string, string];
  if (keyId !== keys.keyId) throw new Error(`加密字段的密钥 ${keyId} 不可用`);
  const iv = Buffer.from(ivB64, 'base64');
  const ct = Buffer.from(ctB64, 'base64');
  const expected = createHmac('sm3', keys.macKey).update(`${version}|${keyId}`).update(iv).update(ct).digest();
  const actual = Buffer.from(macB64, 'base64');
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new Error('加密字段完整性校验失败');
  }
  const decipher = createDecipheriv('sm4-cbc', keys.encKey, iv);
  return Buffer.concat([decipher.update(ct), decipher.final()]).toString('utf8');
};
