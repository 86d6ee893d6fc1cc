import type { Context, ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AnalysisError } from './analysis-error.ts'

/** The body of every error answer: `{"error": {"code", "message"}}`, sometimes with details. */
export interface ErrorBody {
  error: { code: string; message: string; [detail: string]: unknown }
}

/**
 * An error a client caused and can fix: answered with its status and a JSON body that says what
 * is wrong. Anything else thrown in a handler is a 500 that leaks nothing.
 *
 * @example
 * throw new ApiError(404, 'not_found', `No comparison with id ${id}`)
 */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    /** Extra fields for the error body (e.g. the current revision of a conflict). */
    readonly details: Record<string, unknown> = {},
    /** Extra headers of the answer (e.g. `Retry-After`, `WWW-Authenticate`). */
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** The JSON body of an error answer. */
export function errorBody(code: string, message: string, details: Record<string, unknown> = {}): ErrorBody {
  return { error: { ...details, code, message } }
}

// Codes for the HTTP exceptions Hono's own middleware throws (body limit, malformed JSON).
const CODES: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  428: 'precondition_required',
  429: 'rate_limited',
}

/** Options of {@link errorHandler}. */
export interface ErrorHandlerOptions {
  /** Where unexpected errors are written (default `console.error`). */
  log?: (message: string, err: unknown) => void
}

/**
 * The one place errors become answers: {@link ApiError}s and Hono's HTTP exceptions keep their
 * status and message; every other error is logged and answered as a bare 500.
 */
export function errorHandler(options: ErrorHandlerOptions = {}): ErrorHandler {
  const log = options.log ?? ((message, err) => console.error(message, err))
  return (err, c) => {
    if (err instanceof ApiError) {
      for (const [k, v] of Object.entries(err.headers)) c.header(k, v)
      return c.json(errorBody(err.code, err.message, err.details), err.status)
    }
    if (err instanceof HTTPException && err.status < 500) {
      const status = err.status as ContentfulStatusCode
      const message = err.message || err.getResponse().statusText || 'Bad request'
      return c.json(errorBody(CODES[status] ?? 'bad_request', message), status)
    }
    if (err instanceof AnalysisError && err.busy) {
      c.header('Retry-After', '30')
      return c.json(errorBody('busy', `The server is aligning other texts (${err.message}); try again in a minute.`), 503)
    }
    if (err instanceof AnalysisError && err.timedOut) {
      return c.json(errorBody('analysis_timeout', `These texts could not be aligned in time: ${err.message}.`), 503)
    }
    log(`${c.req.method} ${new URL(c.req.url).pathname} failed:`, err)
    if (err instanceof AnalysisError) {
      return c.json(errorBody('analysis_failed', 'The alignment engine failed on these texts; the error was logged.'), 500)
    }
    return c.json(errorBody('internal', 'Something went wrong on the server; the error was logged.'), 500)
  }
}

/** Answers requests no route matches. */
export const notFoundHandler: NotFoundHandler = (c: Context) =>
  c.json(errorBody('not_found', `No route for ${c.req.method} ${new URL(c.req.url).pathname}`), 404)

/** The `error.code` that {@link errorHandler} answers an error with. */
export function errorCodeOf(err: unknown): string {
  if (err instanceof ApiError) return err.code
  if (err instanceof HTTPException && err.status < 500) return CODES[err.status] ?? 'bad_request'
  if (err instanceof AnalysisError) return err.busy ? 'busy' : err.timedOut ? 'analysis_timeout' : 'analysis_failed'
  return 'internal'
}
