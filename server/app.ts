import { OpenAPIHono } from '@hono/zod-openapi'
import { inlineAnalyzer, type Analyzer } from './analysis.ts'
import { AnswerCache } from './answer-cache.ts'
import { verifiedKeyId } from './auth.ts'
import { errorHandler, notFoundHandler, type ErrorHandlerOptions } from './errors.ts'
import { clientAddress, compression, rateLimit, securityHeaders, type RateLimitOptions } from './middleware.ts'
import { alignmentRoutes } from './routes/alignment.ts'
import { annotationRoutes } from './routes/annotations.ts'
import { comparisonRoutes } from './routes/comparisons.ts'
import { DEFAULT_LIMITS, type Deps, type Limits } from './routes/common.ts'
import { exportRoutes } from './routes/export.ts'
import { healthRoutes } from './routes/health.ts'
import { keyRoutes } from './routes/keys.ts'
import { progressRoutes } from './routes/progress.ts'
import { rowsRoutes } from './routes/rows.ts'
import { ProgressBoard } from './progress.ts'
import type { Store } from './store/store.ts'

/** The server's version, as written into exports and the OpenAPI document. */
export const VERSION = '0.1.0'

/** Options of {@link createApp}. */
export interface AppOptions {
  /** Where everything is kept (already migrated). */
  store: Store
  /** Runs the engine; in the calling thread when omitted. */
  analyzer?: Analyzer
  limits?: Partial<Limits>
  /** Write limits per verified key and per address, read limits per address; `false` turns them off. */
  rateLimit?: RateLimitOptions | false
  /** Progress of creates that carry `X-Progress-Token`; a board of its own when omitted. */
  progress?: ProgressBoard
  /** Compress answers of 1 KB and more per `Accept-Encoding` (default true). */
  compress?: boolean
  /** Where unexpected errors are logged. */
  log?: ErrorHandlerOptions['log']
  /** Large answers kept compressed (alignments, shared rows); one in memory over `store` when omitted. */
  answers?: AnswerCache
}

/**
 * Builds the Parallax API: every route under `/api`, security headers on every answer,
 * compression per `Accept-Encoding` for answers of 1 KB and more, one error handler. The app does not listen; `server/main.ts` serves it, tests call
 * `app.request()`. Mount more routes (the static client) on the returned app.
 *
 * @example
 * const app = createApp({ store })
 * const res = await app.request('/api/health')
 */
export function createApp(options: AppOptions): OpenAPIHono {
  const deps: Deps = {
    store: options.store,
    analyzer: options.analyzer ?? inlineAnalyzer(),
    limits: { ...DEFAULT_LIMITS, ...options.limits },
    progress: options.progress ?? new ProgressBoard(),
    version: VERSION,
    answers: options.answers ?? new AnswerCache({ store: options.store }),
    clientOf: (c) => clientAddress(c, options.rateLimit ? options.rateLimit.trustProxy : false),
  }
  const app = new OpenAPIHono()
  app.use('*', securityHeaders())
  // Every answer the app gives, the page's files included (serveClient mounts them later).
  if (options.compress !== false) app.use('*', compression())
  if (options.rateLimit !== false) {
    // Only a key that checks out gets a bucket of its own; key ids are public.
    const verifyKey = (token: string) => verifiedKeyId(deps.store, token)
    app.use('/api/*', rateLimit({ verifyKey, ...options.rateLimit }))
  }

  const api = new OpenAPIHono()
  api.route('/', healthRoutes(deps))
  api.route('/', comparisonRoutes(deps))
  api.route('/', alignmentRoutes(deps))
  api.route('/', rowsRoutes(deps))
  api.route('/', annotationRoutes(deps))
  api.route('/', keyRoutes(deps))
  api.route('/', exportRoutes(deps))
  api.route('/', progressRoutes(deps))
  api.openAPIRegistry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'The `ownerKey` returned when the comparison was created, or a participant key its owner issued.',
  })
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Parallax API',
      version: VERSION,
      description:
        'Comparisons of a text and its translations or retellings, their sentence alignments with divergences, ' +
        'and annotations. Reading needs no key; writing needs `Authorization: Bearer KEY`. Errors are ' +
        '`{"error": {"code", "message"}}`.',
    },
    servers: [{ url: '/api' }],
  })
  app.route('/api', api)

  app.notFound(notFoundHandler)
  app.onError(errorHandler({ log: options.log }))
  return app
}
