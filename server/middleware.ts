import type { Context, MiddlewareHandler } from 'hono'
import { bodyLimit as honoBodyLimit } from 'hono/body-limit'
import { compress } from 'hono/compress'
import { COMPRESSIBLE_CONTENT_TYPE_REGEX } from 'hono/utils/compress'
import { getConnInfo } from '@hono/node-server/conninfo'
import { bearerToken } from './auth.ts'
import { ApiError } from './errors.ts'

/**
 * The middleware of the API: body caps, strict UTF-8, security headers, compression and the
 * write rate limit.
 */

/**
 * Refuses bodies over `maxBytes` with 413, before they are read into memory (the limit is
 * enforced on the stream, so a missing or lying Content-Length does not get around it).
 */
export function bodyLimit(maxBytes: number): MiddlewareHandler {
  return honoBodyLimit({
    maxSize: maxBytes,
    onError: () => {
      throw new ApiError(413, 'payload_too_large', `The request body is larger than ${formatBytes(maxBytes)}.`)
    },
  })
}

/** `5242880` → `5 MB`. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${+(n / 1024 / 1024).toFixed(1)} MB`
  if (n >= 1024) return `${+(n / 1024).toFixed(1)} KB`
  return `${n} bytes`
}

const DECODER = new TextDecoder('utf-8', { fatal: true })

/** Decodes bytes as UTF-8, refusing anything that is not (binary data, Latin-1 files). */
export function decodeUtf8(bytes: ArrayBuffer | Uint8Array, what = 'The request body'): string {
  try {
    return DECODER.decode(bytes)
  } catch {
    throw new ApiError(400, 'invalid_encoding', `${what} is not valid UTF-8 text. Save the file as UTF-8 and try again.`)
  }
}

/**
 * Makes JSON bodies go through a strict UTF-8 decoder: the body is read once here and the
 * decoded text cached where `c.req.json()` looks for it. Requests without a JSON body pass.
 */
export function strictUtf8(): MiddlewareHandler {
  return async (c, next) => {
    const type = c.req.header('content-type') ?? ''
    if (/^application\/(.+\+)?json/i.test(type)) {
      const text = decodeUtf8(await c.req.arrayBuffer())
      // Hono keeps each body reading as a promise under its method name ('text' for json()).
      ;(c.req.bodyCache as Record<string, unknown>).text = Promise.resolve(text)
    }
    await next()
  }
}

/** Options of {@link compression}. */
export interface CompressionOptions {
  /** Bodies smaller than this many bytes go as they are (default 1024): gzip would only grow them. */
  threshold?: number
}

/**
 * Compresses answers of a compressible type (JSON, HTML, TMX, TSV, scripts, styles) of at least
 * `threshold` bytes with gzip or deflate, as the request's `Accept-Encoding` prefers, through
 * Hono's `compress` (the `CompressionStream` of Node 20). Answers already encoded, `HEAD`,
 * `Cache-Control: no-transform` and event streams go as they are. A strong ETag becomes weak
 * (`W/"r3"`): the bytes differ, the content does not.
 *
 * @example
 * app.use('*', compression())
 */
export function compression(options: CompressionOptions = {}): MiddlewareHandler {
  const threshold = options.threshold ?? 1024
  const gzip = compress({ threshold })
  return (c, next) =>
    gzip(c, async () => {
      await next()
      // Hono's compress measures a body by its Content-Length, which answers made from a string
      // (c.json, c.body, c.html) do not carry: without one, a 40-byte error would be gzipped
      // into 60. Such a body is in memory already, so it is read here to give it its length.
      // Streams that carry a length (static files) and ones of other types are left alone.
      const res = c.res
      if (!res.body || res.headers.has('Content-Length') || res.headers.has('Content-Encoding') || c.req.method === 'HEAD') return
      if (!c.req.header('accept-encoding') || !COMPRESSIBLE_CONTENT_TYPE_REGEX.test(res.headers.get('Content-Type') ?? '')) return
      const bytes = await res.arrayBuffer()
      c.res = new Response(bytes, res)
      c.res.headers.set('Content-Length', String(bytes.byteLength))
    })
}

/** Options of {@link securityHeaders}. */
export interface SecurityHeadersOptions {
  /** The Content-Security-Policy of responses that do not set their own. */
  csp?: string
}

/** The policy of the page: its own scripts and styles only, no framing, no plugins. */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // Lit may fall back to <style> elements where constructable stylesheets are missing.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ')

/** The policy of exported HTML reports: inline styles, nothing else, and no script at all. */
export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"

/**
 * Sets the security headers on every response, error answers and static files included. A
 * response that set its own Content-Security-Policy (the HTML report) keeps it.
 */
export function securityHeaders(options: SecurityHeadersOptions = {}): MiddlewareHandler {
  const csp = options.csp ?? APP_CSP
  return async (c, next) => {
    await next()
    const headers = c.res.headers
    const set = (name: string, value: string) => {
      try {
        if (!headers.has(name)) headers.set(name, value)
      } catch {
        // A response with immutable headers (a fetched one) is rebuilt so the headers stick.
        c.res = new Response(c.res.body, c.res)
        c.res.headers.set(name, value)
      }
    }
    set('Content-Security-Policy', csp)
    set('X-Content-Type-Options', 'nosniff')
    set('X-Frame-Options', 'DENY')
    set('Referrer-Policy', 'no-referrer')
    set('Cross-Origin-Opener-Policy', 'same-origin')
    set('Cross-Origin-Resource-Policy', 'same-origin')
    set('Permissions-Policy', 'camera=(), microphone=(), geolocation=()')
  }
}

/** Options of {@link rateLimit}. */
export interface RateLimitOptions {
  /** Writes a client may make in a burst; the bucket size (default 120). */
  burst?: number
  /** Writes a client regains per second (default 2: 120 a minute sustained). */
  perSecond?: number
  /**
   * How many clients' worth of writes one address may make when its requests carry keys
   * (default 10): a classroom behind one school router shares an address, not a key.
   */
  sharedAddressFactor?: number
  /** Reads (GET, HEAD) an address may make in a burst (default 600). */
  readBurst?: number
  /** Reads an address regains per second (default 20: 1,200 a minute sustained). */
  readsPerSecond?: number
  /**
   * Checks the Bearer token of a write: the key's id when it is a live key, else null. Only a
   * key it vouches for gets a bucket of its own; without it every write counts against its
   * address. `createApp` checks against the store.
   */
  verifyKey?: (token: string) => Promise<string | null>
  /** Trust the first address of `X-Forwarded-For` (behind a reverse proxy only). */
  trustProxy?: boolean
  /** Clock in milliseconds (tests). */
  now?: () => number
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** The address a request came from: the socket's peer, or the proxy's header when trusted. */
export function clientAddress(c: Context, trustProxy = false): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim()
    if (forwarded) return forwarded
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    // No socket: a request made with app.request() in tests.
    return 'local'
  }
}

/** Token buckets by name; idle ones are forgotten so memory stays bounded. */
class Buckets {
  readonly #map = new Map<string, { tokens: number; at: number }>()
  #sweptAt: number

  constructor(
    readonly burst: number,
    readonly perSecond: number,
    readonly now: () => number,
  ) {
    this.#sweptAt = now()
  }

  /** The bucket of `name`, refilled for the time since it was last seen. */
  #refill(name: string): { tokens: number; at: number } {
    const t = this.now()
    // A bucket idle long enough to be full again carries no information.
    const refillMs = (this.burst / this.perSecond) * 1000
    if (t - this.#sweptAt > refillMs) {
      for (const [k, b] of this.#map) if (t - b.at > refillMs) this.#map.delete(k)
      this.#sweptAt = t
    }
    const b = this.#map.get(name) ?? { tokens: this.burst, at: t }
    b.tokens = Math.min(this.burst, b.tokens + ((t - b.at) / 1000) * this.perSecond)
    b.at = t
    this.#map.set(name, b)
    return b
  }

  /**
   * Seconds to wait before `name` has a whole token again, after refilling; 0 when it has one
   * now. Rounded up, so a client that waits this long is let through.
   */
  wait(name: string): number {
    const b = this.#refill(name)
    return b.tokens < 1 ? Math.ceil((1 - b.tokens) / this.perSecond) : 0
  }

  /** Spends a token of `name` (after {@link wait} said 0, or as a charge that may empty it). */
  take(name: string): void {
    const b = this.#refill(name)
    b.tokens = Math.max(0, b.tokens - 1)
  }
}

/** Checks the buckets and spends a token of each, or throws 429 with the longest wait. */
function spend(checks: Array<[Buckets, string]>, what: string): void {
  const wait = Math.max(...checks.map(([b, name]) => b.wait(name)))
  if (wait > 0) {
    throw new ApiError(
      429,
      'rate_limited',
      `Too many ${what}; try again in ${wait} s.`,
      { retryAfter: wait },
      { 'Retry-After': String(wait) },
    )
  }
  for (const [b, name] of checks) b.take(name)
}

const READ_METHODS = new Set(['GET', 'HEAD'])

/** Reads that are never limited: a monitor polling health must not be told to wait. */
const UNLIMITED_READS = new Set(['/api/health'])

/**
 * Limits requests with token buckets. A write (POST, PUT, PATCH, DELETE) whose key
 * `verifyKey` vouches for counts against that key (`burst`, `perSecond`) and, more loosely,
 * against its address (`sharedAddressFactor` times as much); any other write (no key, a
 * malformed, unknown, forged or revoked one) counts against its address alone, as does a
 * verified key the route then refuses (another comparison's): a key id is public, so naming one
 * must neither drain its holder's bucket nor buy a bucket of one's own. Reads count against
 * their address (`readBurst`, `readsPerSecond`), health checks excepted. Over a limit: 429 with
 * `Retry-After` in whole seconds, rounded up.
 *
 * @example
 * app.use('/api/*', rateLimit({ burst: 120, perSecond: 2, verifyKey: (token) => verifiedKeyId(store, token) }))
 */
export function rateLimit(options: RateLimitOptions = {}): MiddlewareHandler {
  const burst = options.burst ?? 120
  const perSecond = options.perSecond ?? 2
  const factor = options.sharedAddressFactor ?? 10
  const now = options.now ?? Date.now
  const byKey = new Buckets(burst, perSecond, now)
  const byAddress = new Buckets(burst, perSecond, now)
  const bySharedAddress = new Buckets(burst * factor, perSecond * factor, now)
  const reads = new Buckets(options.readBurst ?? 600, options.readsPerSecond ?? 20, now)
  return async (c, next) => {
    const address = clientAddress(c, options.trustProxy)
    if (READ_METHODS.has(c.req.method)) {
      if (!UNLIMITED_READS.has(c.req.path)) spend([[reads, address]], 'reads from this address')
      return next()
    }
    if (!WRITE_METHODS.has(c.req.method)) return next()
    const token = bearerToken(c)
    const keyId = token && options.verifyKey ? await options.verifyKey(token) : null
    if (keyId) {
      spend(
        [
          [byKey, keyId],
          [bySharedAddress, address],
        ],
        'writes with this key',
      )
    } else {
      spend([[byAddress, address]], 'writes from this address')
    }
    await next()
    // A live key the route refused (it belongs to another comparison) failed to authenticate
    // here: that counts against the address as a forged key would.
    if (keyId && c.res.status === 401) byAddress.take(address)
  }
}
