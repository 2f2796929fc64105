import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { cryptoErrors } from './crypto.errors.js';

/**
 * Field encryption for personal data: AES-256-GCM under keys kept outside the database, and a
 * keyed hash (HMAC-SHA256) beside each searchable field for exact-match lookup without decrypting.
 * Each master key has an id; ciphertexts name the key that made them, so keys can rotate.
 */
export interface MasterKey {
  id: string;
  key: Buffer;
}

export interface Keyring {
  activeId: string;
  encrypt(plain: string, aad: string): string;
  decrypt(sealed: string, aad: string): string;
  /** Keyed hash of a normalised value; `field` separates namespaces (phone vs. name). */
  blindIndex(field: string, normalised: string): string;
  /** The key id a sealed value was made with. */
  keyIdOf(sealed: string): string;
  has(keyId: string): boolean;
  /**
   * HMAC-SHA256 of `data` under the audit-chain key derived (HKDF, its own label) from master
   * key `keyId`; null when this keyring does not hold that key. The audit trail names the key id
   * in each row, so rows made before a rotation still verify while the old key is kept.
   */
  auditMac(keyId: string, data: string): string | null;
}

const PREFIX = 'enc1';

function derive(master: Buffer, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', master, Buffer.alloc(0), `renkei/${purpose}`, 32));
}

/**
 * The audit-chain MAC key of a master key: HKDF under its own label, so it reveals nothing of the
 * encryption key. When a master key retires, this is all that is kept of it (`auditOnly` below):
 * the audit events it signed still verify, and nothing it once sealed can be decrypted with it.
 */
export function auditKeyOf(master: MasterKey): Buffer {
  return derive(master.key, 'audit-chain');
}

export function createKeyring(keys: MasterKey[], activeId: string, auditOnly: readonly MasterKey[] = []): Keyring {
  const enc = new Map<string, Buffer>();
  const chain = new Map<string, Buffer>();
  for (const k of auditOnly) chain.set(k.id, k.key);
  for (const k of keys) {
    if (k.key.length !== 32) throw cryptoErrors.create('crypto.key_invalid', { reason: `key ${k.id} is not 32 bytes` });
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(k.id)) throw cryptoErrors.create('crypto.key_invalid', { reason: `bad key id ${k.id}` });
    enc.set(k.id, derive(k.key, 'enc'));
    chain.set(k.id, auditKeyOf(k));
  }
  const active = keys.find((k) => k.id === activeId);
  if (!active) throw cryptoErrors.create('crypto.key_invalid', { reason: `active key ${activeId} is not in the keyring` });
  // The blind-index key follows the active key; rotation recomputes the stored hashes.
  const mac = derive(active.key, 'mac');

  return {
    activeId,
    has: (id) => enc.has(id),
    keyIdOf(sealed) {
      const [prefix, id] = sealed.split(':');
      if (prefix !== PREFIX || !id) throw cryptoErrors.create('crypto.decrypt_failed');
      return id;
    },
    encrypt(plain, aad) {
      const iv = randomBytes(12);
      const c = createCipheriv('aes-256-gcm', enc.get(activeId) as Buffer, iv);
      c.setAAD(Buffer.from(aad, 'utf8'));
      const ct = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()]);
      return `${PREFIX}:${activeId}:${iv.toString('base64url')}:${ct.toString('base64url')}`;
    },
    decrypt(sealed, aad) {
      const [prefix, id, ivB64, ctB64] = sealed.split(':');
      if (prefix !== PREFIX || !id || !ivB64 || !ctB64) throw cryptoErrors.create('crypto.decrypt_failed');
      const key = enc.get(id);
      if (!key) throw cryptoErrors.create('crypto.unknown_key', { keyId: id });
      const buf = Buffer.from(ctB64, 'base64url');
      if (buf.length < 16) throw cryptoErrors.create('crypto.decrypt_failed');
      try {
        const d = createDecipheriv('aes-256-gcm', key, Buffer.from(ivB64, 'base64url'));
        d.setAAD(Buffer.from(aad, 'utf8'));
        d.setAuthTag(buf.subarray(buf.length - 16));
        return Buffer.concat([d.update(buf.subarray(0, buf.length - 16)), d.final()]).toString('utf8');
      } catch (e) {
        throw cryptoErrors.create('crypto.decrypt_failed', undefined, { cause: e });
      }
    },
    blindIndex(field, normalised) {
      return createHmac('sha256', mac).update(field).update('\0').update(normalised, 'utf8').digest('hex');
    },
    auditMac(keyId, data) {
      const k = chain.get(keyId);
      return k ? createHmac('sha256', k).update(data, 'utf8').digest('hex') : null;
    },
  };
}

export function generateMasterKey(id: string): MasterKey {
  return { id, key: randomBytes(32) };
}

/**
 * A keyring that follows its key source while the server runs: `renkei keys rotate` adds a key
 * to the file and re-encrypts, and a running server must read (and then write) under the new key
 * without a restart. `refresh` reloads when the source's stamp changed (a chore calls it every few
 * seconds); a ciphertext naming a key this server has not loaded yet triggers one reload at once.
 */
export interface ReloadableKeyring extends Keyring {
  refresh(): boolean;
}

export function reloadableKeyring(load: () => Keyring, stamp: () => string): ReloadableKeyring {
  let current = load();
  let seen = stamp();
  const refresh = (): boolean => {
    const now = stamp();
    if (now === seen) return false;
    current = load();
    seen = now;
    return true;
  };
  return {
    get activeId() {
      return current.activeId;
    },
    refresh,
    has: (id) => current.has(id) || (refresh() && current.has(id)),
    keyIdOf: (sealed) => current.keyIdOf(sealed),
    encrypt: (plain, aad) => current.encrypt(plain, aad),
    blindIndex: (field, normalised) => current.blindIndex(field, normalised),
    auditMac: (keyId, data) => current.auditMac(keyId, data) ?? (refresh() ? current.auditMac(keyId, data) : null),
    decrypt(sealed, aad) {
      if (!current.has(current.keyIdOf(sealed))) refresh();
      return current.decrypt(sealed, aad);
    },
  };
}
