import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { cryptoErrors } from './crypto.errors.js';
import {
  auditKeyOf,
  createKeyring,
  generateMasterKey,
  type Keyring,
  type MasterKey,
  type ReloadableKeyring,
  reloadableKeyring,
} from './crypto.keyring.js';

/**
 * Where the master keys live: outside the database, in a file (RENKEI_KEY_FILE, by default
 * `<data dir>/renkei.keys.json`, mode 0600) or in RENKEI_ENCRYPTION_KEYS ("id:base64,…", first active).
 */
export type KeySource = { kind: 'file'; path: string } | { kind: 'env'; value: string };

const fileSchema = z.object({
  active: z.string(),
  keys: z.array(z.object({ id: z.string(), key: z.string(), createdAt: z.string().optional() })).min(1),
  /**
   * Retired master keys that had signed audit events: only their audit-chain MAC key (derived,
   * one-way) is kept, so the trail still verifies while nothing they sealed can be decrypted.
   */
  auditKeys: z.array(z.object({ id: z.string(), key: z.string(), retiredAt: z.string().optional() })).optional(),
});
type KeyFile = z.infer<typeof fileSchema>;

function decodeKey(id: string, b64: string): MasterKey {
  const key = Buffer.from(b64, 'base64');
  if (key.length !== 32) throw cryptoErrors.create('crypto.key_invalid', { reason: `key ${id} must be 32 bytes of base64` });
  return { id, key };
}

export function keySourceExists(src: KeySource): boolean {
  return src.kind === 'env' || fs.existsSync(src.path);
}

/** Changes whenever the key file is rewritten (it is replaced atomically); environment keys never change. */
export function keySourceStamp(src: KeySource): string {
  if (src.kind === 'env') return 'env';
  try {
    const st = fs.statSync(src.path);
    return `${st.ino}:${st.mtimeMs}:${st.size}`;
  } catch {
    return 'missing';
  }
}

/** How often a running server looks at its key file; `renkei keys rotate` waits a little longer. */
export const KEY_RELOAD_MS = 3_000;

/** The keyring a server runs with: it takes up keys added to the file while it runs. */
export function loadReloadableKeyring(src: KeySource): ReloadableKeyring {
  return reloadableKeyring(
    () => loadKeyring(src),
    () => keySourceStamp(src),
  );
}

export function loadKeyring(src: KeySource): Keyring {
  if (src.kind === 'env') {
    const parts = src.value
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean);
    const keys = parts.map((p) => {
      const i = p.indexOf(':');
      if (i <= 0) throw cryptoErrors.create('crypto.key_invalid', { reason: 'RENKEI_ENCRYPTION_KEYS は「鍵ID:base64」をカンマ区切り' });
      return decodeKey(p.slice(0, i), p.slice(i + 1));
    });
    if (keys.length === 0) throw cryptoErrors.create('crypto.key_missing', { where: 'RENKEI_ENCRYPTION_KEYS' });
    return createKeyring(keys, (keys[0] as MasterKey).id);
  }
  if (!fs.existsSync(src.path)) throw cryptoErrors.create('crypto.key_missing', { where: src.path });
  let parsed: KeyFile;
  try {
    parsed = fileSchema.parse(JSON.parse(fs.readFileSync(src.path, 'utf8')));
  } catch (e) {
    throw cryptoErrors.create('crypto.key_invalid', { reason: `${src.path}: ${(e as Error).message.slice(0, 200)}` }, { cause: e });
  }
  return createKeyring(
    parsed.keys.map((k) => decodeKey(k.id, k.key)),
    parsed.active,
    (parsed.auditKeys ?? []).map((k) => decodeKey(k.id, k.key)),
  );
}

function writeKeyFile(file: string, content: KeyFile): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  fs.writeFileSync(tmp, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
  fs.renameSync(tmp, file); // atomic: a crash never leaves half a key file
}

/** First run only: create a key file with one fresh key. */
export function createKeyFile(file: string, now = new Date()): void {
  const k = generateMasterKey(`k${now.toISOString().slice(0, 10).replaceAll('-', '')}`);
  writeKeyFile(file, { active: k.id, keys: [{ id: k.id, key: k.key.toString('base64'), createdAt: now.toISOString() }] });
}

/** Add a new active key to a key file, keeping the old ones so existing data stays readable. */
export function addKeyToFile(file: string, now = new Date()): string {
  const current = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  let id = `k${now.toISOString().replace(/[-:T]/g, '').slice(0, 14)}`;
  while (current.keys.some((k) => k.id === id)) id = `${id}x`;
  const k = generateMasterKey(id);
  writeKeyFile(file, {
    ...current,
    active: id,
    keys: [...current.keys, { id, key: k.key.toString('base64'), createdAt: now.toISOString() }],
  });
  return id;
}

/** The ids of the keys in a key file, oldest first. */
export function keyIdsInFile(file: string): string[] {
  return fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8'))).keys.map((k) => k.id);
}

/**
 * Remove the master keys no ciphertext uses any more (`sealsData` false). A removed key that
 * signed audit events (`signsAudit`) leaves its audit-chain MAC key behind in `auditKeys`, so
 * retirement is possible once data is re-encrypted, and `renkei audit verify` keeps working.
 */
export function retireKeysInFile(
  file: string,
  sealsData: (id: string) => boolean,
  signsAudit: (id: string) => boolean = () => false,
  now = new Date(),
): { removed: string[]; auditOnly: string[] } {
  const current = fileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  const gone = current.keys.filter((k) => k.id !== current.active && !sealsData(k.id));
  const auditOnly = gone.filter((k) => signsAudit(k.id));
  writeKeyFile(file, {
    ...current,
    keys: current.keys.filter((k) => !gone.includes(k)),
    auditKeys: [
      ...(current.auditKeys ?? []),
      ...auditOnly.map((k) => ({
        id: k.id,
        key: auditKeyOf(decodeKey(k.id, k.key)).toString('base64'),
        retiredAt: now.toISOString(),
      })),
    ],
  });
  return { removed: gone.map((k) => k.id), auditOnly: auditOnly.map((k) => k.id) };
}
