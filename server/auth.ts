import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Context } from 'hono'
import { ApiError } from './errors.ts'
import type { Role, Store } from './store/store.ts'

/**
 * Write keys. A key reads `plx_<id>_<secret>`: the id (12 hex digits) finds the stored row, the
 * secret (32 random bytes, base64url) proves the holder. Only SHA-256 of the secret is stored: a
 * slow password hash buys nothing for 256 random bits, and a stolen database still yields no key.
 */
export const KEY_PREFIX = 'plx'

const KEY_PATTERN = /^plx_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/

/** A freshly made key: `key` is given to its holder once, `secretHash` is what is stored. */
export interface NewKey {
  id: string
  key: string
  secretHash: string
}

/** Makes a new random key. */
export function newKey(): NewKey {
  const id = randomBytes(6).toString('hex')
  const secret = randomBytes(32).toString('base64url')
  return { id, key: `${KEY_PREFIX}_${id}_${secret}`, secretHash: hashSecret(secret) }
}

/** SHA-256 of a key's secret part, hex. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex')
}

/** Splits a key into its id and secret; null when it is not shaped like a key. */
export function parseKey(key: string): { id: string; secret: string } | null {
  const m = KEY_PATTERN.exec(key)
  return m ? { id: m[1], secret: m[2] } : null
}

/** Compares a secret with a stored hash in time that does not depend on where they differ. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const given = createHash('sha256').update(secret, 'utf8').digest()
  const stored = Buffer.from(storedHash, 'hex')
  return stored.length === given.length && timingSafeEqual(given, stored)
}

/** Who a request is, once its key checked out. */
export interface Grant {
  keyId: string
  role: Role
  label: string
}

// Compared against when the key id is unknown, so a miss costs the same hash and comparison.
const DUMMY_HASH = hashSecret('')

/** Reads the Bearer token of a request, if any. */
export function bearerToken(c: Context): string | null {
  const header = c.req.header('authorization')
  if (!header) return null
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header)
  return m ? m[1] : null
}

/**
 * The id of the key `token` is, when it is a live key of any comparison (the secret matches and
 * it is not revoked); null otherwise. The rate limiter gives only such a key a bucket of its own.
 *
 * @example
 * const keyId = await verifiedKeyId(store, bearerToken(c) ?? '')
 */
export async function verifiedKeyId(store: Store, token: string): Promise<string | null> {
  const parsed = parseKey(token)
  const row = parsed ? await store.getKey(parsed.id) : null
  const matches = secretMatches(parsed?.secret ?? '', row?.secretHash ?? DUMMY_HASH)
  return row && matches && !row.revokedAt ? row.id : null
}

const challenge = { 'WWW-Authenticate': 'Bearer realm="parallax"' }

/**
 * Checks the request's key against a comparison and returns the grant, or throws 401 when the
 * key is missing, malformed, unknown, of another comparison or revoked.
 *
 * @example
 * const grant = await authorize(c, store, comparisonId)
 * if (grant.role !== 'owner') throw new ApiError(403, 'forbidden', '...')
 */
export async function authorize(c: Context, store: Store, comparisonId: string): Promise<Grant> {
  const token = bearerToken(c)
  if (!token) {
    throw new ApiError(
      401,
      'unauthorized',
      'Writing needs a key: send "Authorization: Bearer KEY" with the ownerKey you got when the comparison was created, or a participant key its owner gave you.',
      {},
      challenge,
    )
  }
  const parsed = parseKey(token)
  const row = parsed ? await store.getKey(parsed.id) : null
  const matches = secretMatches(parsed?.secret ?? '', row?.secretHash ?? DUMMY_HASH)
  if (!parsed || !row || !matches || row.comparisonId !== comparisonId) {
    throw new ApiError(401, 'invalid_key', 'This key is not a key of this comparison.', {}, challenge)
  }
  if (row.revokedAt) {
    throw new ApiError(401, 'key_revoked', 'This key was revoked by the owner of the comparison.', {}, challenge)
  }
  return { keyId: row.id, role: row.role, label: row.label }
}

/** Throws 403 unless the grant is the owner's. */
export function requireOwner(grant: Grant, action: string): void {
  if (grant.role !== 'owner') {
    throw new ApiError(403, 'forbidden', `Only the owner of the comparison may ${action}; a participant key may not.`)
  }
}
