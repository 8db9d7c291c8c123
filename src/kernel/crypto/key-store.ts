import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { hmacSm3, type FieldKeys } from './sm';

/** The platform's keys, all derived from one master key with HMAC-SM3 and a purpose label. */
export interface KeyStore {
  field: FieldKeys;
  audit: Buffer;
  blindIndex: Buffer;
}

const derive = (master: Buffer, purpose: string, bytes: number): Buffer =>
  Buffer.from(hmacSm3(master, `fazhi-platform:${purpose}`), 'hex').subarray(0, bytes);

/** Builds the key store from a 32-byte master key. */
export const keyStoreFromMaster = (master: Buffer): KeyStore => {
  if (master.length < 32) throw new Error('主密钥长度不足 32 字节');
  const keyId = hmacSm3(master, 'key-id').slice(0, 8);
  return {
    field: { keyId, encKey: derive(master, 'field-enc', 16), macKey: derive(master, 'field-mac', 32) },
    audit: derive(master, 'audit-chain', 32),
    blindIndex: derive(master, 'blind-index', 32),
  };
};

/**
 * Loads the master key from `PLATFORM_MASTER_KEY` (64 hex chars) or from `keyFile`, creating the file
 * with mode 0600 on first start. A key file readable by others is refused.
 */
export const loadKeyStore = (keyFile: string, envKey = process.env.PLATFORM_MASTER_KEY): KeyStore => {
  if (envKey) {
    if (!/^[0-9a-fA-F]{64}$/.test(envKey)) throw new Error('PLATFORM_MASTER_KEY 必须是 64 位十六进制字符串');
    return keyStoreFromMaster(Buffer.from(envKey, 'hex'));
  }
  if (!existsSync(keyFile)) {
    mkdirSync(dirname(keyFile), { recursive: true, mode: 0o700 });
    writeFileSync(keyFile, randomBytes(32).toString('hex'), { mode: 0o600, flag: 'wx' });
    chmodSync(keyFile, 0o600);
  }
  const mode = statSync(keyFile).mode & 0o777;
  if (mode & 0o077) throw new Error(`密钥文件 ${keyFile} 权限过宽（${mode.toString(8)}），应为 600`);
  const hex = readFileSync(keyFile, 'utf8').trim();
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error(`密钥文件 ${keyFile} 内容无效`);
  return keyStoreFromMaster(Buffer.from(hex, 'hex'));
};

/**
 * 盲索引: a keyed HMAC-SM3 of a normalised personal identifier (e.g. an ID number) so that equal values
 * can be found and made unique without storing them in clear; useless without the platform's key.
 */
export const blindIndex = (keys: KeyStore, value: string): string => hmacSm3(keys.blindIndex, value.trim().toUpperCase());
