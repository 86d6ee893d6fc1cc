import { OpenAPIHono, z } from '@hono/zod-openapi'
import type { Context } from 'hono'
import type { Analyzer } from '../analysis.ts'
import type { AnswerCache } from '../answer-cache.ts'
import { errorBody } from '../errors.ts'
import type { ProgressBoard } from '../progress.ts'
import { ErrorSchema } from '../schemas.ts'
import type { Store } from '../store/store.ts'

/** Size limits of the API, in bytes. */
export interface Limits {
  /** One version's text (UTF-8). */
  versionBytes: number
  /** The body of a create (JSON or multipart with all versions). */
  createBodyBytes: number
  /** The body of an alignment correction. */
  alignmentBodyBytes: number
  /** Any other body (annotations, keys). */
  smallBodyBytes: number
}

export const DEFAULT_LIMITS: Limits = {
  versionBytes: 5 * 1024 * 1024,
  createBodyBytes: 16 * 1024 * 1024,
  alignmentBodyBytes: 8 * 1024 * 1024,
  smallBodyBytes: 256 * 1024,
}

/** What the route modules need. */
export interface Deps {
  store: Store
  analyzer: Analyzer
  limits: Limits
  /** Progress of creates that carry a progress token. */
  progress: ProgressBoard
  /** The server's version, written into exports. */
  version: string
  /** Large answers kept compressed, built once per revision. */
  answers: AnswerCache
  /** Who sent a request, for the analysis queue's turns: its address (behind a trusted proxy, the forwarded one). */
  clientOf: (c: Context) => string
}

/** Describes zod's validation issues in one sentence, naming the fields. */
export function describeIssues(error: z.ZodError): string {
  const issues = error.issues.slice(0, 3).map((i) => {
    const path = i.path.map(String).join('.')
    return path ? `${path}: ${i.message}` : i.message
  })
  const more = error.issues.length > 3 ? ` (and ${error.issues.length - 3} more)` : ''
  return issues.join('; ') + more
}

/** A router whose validation failures answer 400 with the API's error body. */
export function createRouter(): OpenAPIHono {
  return new OpenAPIHono({
    defaultHook: (result, c) => {
      if (!result.success) {
        const where = result.target === 'json' ? 'body' : result.target
        return c.json(errorBody('invalid_request', `Invalid ${where}: ${describeIssues(result.error)}`), 400)
      }
    },
  })
}

/** OpenAPI response entries for error statuses. */
export function errors(...statuses: number[]) {
  const text: Record<number, string> = {
    400: 'The request is malformed; the message says what is wrong.',
    401: 'No key, or a key that is not valid for this comparison.',
    403: 'The key may not do this.',
    404: 'No such comparison or annotation.',
    409: 'The alignment changed since the revision you corrected.',
    413: 'The body or a version is too large.',
    415: 'The body is not of a supported media type.',
    428: 'The correction does not say which revision it was made on.',
    429: 'Too many writes from this client; see Retry-After.',
  }
  return Object.fromEntries(
    statuses.map((s) => [s, { description: text[s] ?? 'Error', content: { 'application/json': { schema: ErrorSchema } } }]),
  )
}

/** Security requirement of write routes. */
export const BEARER = [{ bearerAuth: [] }]

/** A JSON response whose type the route config does not pin down (already validated data). */
export function json(c: Context, body: unknown, status: 200 | 201 = 200): Response {
  return c.json(body as object, status)
}
