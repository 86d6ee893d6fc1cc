/**
 * Every call the page makes to the server goes through here. The root element owns one
 * {@link ParallaxApi}; leaf elements never fetch.
 *
 * Keys: creating a comparison answers with an owner key, shown once. The page keeps it, and every
 * key it is given through a `#key=` link, in `localStorage` (lib/key-ring.ts), and sends them as
 * `Authorization: Bearer KEY` on writes to that comparison: the best first (owner before
 * participant), the next one only when the server refuses it (401, 403).
 */
import { KeyRing } from './lib/key-ring.ts'
import type { Annotation, AnnotationDraft, Bead, Comparison, CreatedComparison, CreateProgress, DivergenceReport, NewComparison, SharedRows } from './types.ts'

/** An answer other than 2xx, with the server's message when it sent one. */
export class ApiError extends Error {
  override name = 'ApiError'
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message)
  }

  /** 409: someone else changed the same thing first. */
  get isConflict(): boolean {
    return this.status === 409
  }

  /** 401 or 403: no key, or a key that may not do this. */
  get isForbidden(): boolean {
    return this.status === 401 || this.status === 403
  }
}

export { KEY_STORE, KeyRing, keyIdOf, type HeldKey, type KeyFile } from './lib/key-ring.ts'


/** What a key may do on a comparison (`GET /api/comparisons/:id/access`). */
export interface Grant {
  keyId: string
  role: 'owner' | 'participant'
  label: string
}

/** A key of a comparison as the owner sees it (`GET /api/comparisons/:id/keys`): never its secret. */
export interface IssuedKey {
  id: string
  role: 'owner' | 'participant'
  label: string
  createdAt: string
  revokedAt: string | null
}

/** What `GET /api/comparisons/:id/alignment` returns: the report plus its revision. */
export interface AlignmentAnswer {
  report: DivergenceReport
  revision?: number
}

/** A change of a comparison's annotations, as `GET /api/comparisons/:id/events` sends it. */
export type AnnotationChange =
  | { type: 'annotation-created' | 'annotation-updated'; annotation: Annotation & { version?: number } }
  | { type: 'annotation-deleted'; id: string; version: number }

/** What {@link ParallaxApi.follow} calls. */
export interface FollowHandlers {
  /** Each change, as it happens. */
  change(change: AnnotationChange): void
  /** The stream is open: at first, and after each reconnection (when changes may have been missed). */
  open?(): void
  /** The stream dropped (the browser reconnects by itself unless `final`: the server refused it). */
  lost?(final: boolean): void
}

/** Export formats the server offers. */
export type ExportFormat = 'tmx' | 'tsv' | 'json' | 'html'

/**
 * The HTTP client of the page.
 *
 * @example
 * const api = new ParallaxApi()
 * const list = await api.listComparisons()
 */
export class ParallaxApi {
  constructor(
    readonly base = '/api',
    readonly keys = new KeyRing(),
    private readonly fetcher: typeof fetch = (...args) => fetch(...args),
  ) {}

  async #request<T>(method: string, path: string, options: { body?: unknown; key?: string; headers?: Record<string, string> } = {}): Promise<T> {
    const headers: Record<string, string> = { accept: 'application/json', ...options.headers }
    if (options.key) headers.authorization = `Bearer ${options.key}`
    let body: BodyInit | undefined
    if (options.body !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(options.body)
    }
    let res: Response
    try {
      res = await this.fetcher(`${this.base}${path}`, { method, headers, body })
    } catch {
      throw new ApiError(0, 'The server cannot be reached. Check your connection and try again.')
    }
    if (res.status === 204) return undefined as T
    const text = await res.text()
    let data: unknown = undefined
    if (text) {
      try {
        data = JSON.parse(text)
      } catch {
        data = text
      }
    }
    if (!res.ok) throw new ApiError(res.status, messageOf(data) ?? `${res.status} ${res.statusText}`.trim())
    return data as T
  }

  /**
   * A write to comparison `id`, sent with the keys held for it, best first: the next key is tried
   * only when the server refuses one (401: unknown or revoked, marked so in the ring; 403: not
   * allowed with this key). With no key held the request goes without one, for the server's 401.
   * Every refusal being a refusal, no write is done twice.
   */
  async #write<T>(id: string, method: string, path: string, options: { body?: unknown; headers?: Record<string, string> } = {}): Promise<T> {
    const held = this.keys.list(id)
    if (!held.length) return this.#request<T>(method, path, options)
    let refusal: ApiError | undefined
    for (const k of held) {
      try {
        const answer = await this.#request<T>(method, path, { ...options, key: k.key })
        if (k.refused) this.keys.update(id, k.key, { refused: false })
        return answer
      } catch (err) {
        if (!(err instanceof ApiError) || !err.isForbidden) throw err
        if (err.status === 401 && !k.refused) this.keys.update(id, k.key, { refused: true })
        // A "not allowed" says more than "unknown key": keep the first of those.
        if (!refusal || (refusal.status === 401 && err.status === 403)) refusal = err
      }
    }
    throw refusal!
  }

  /** The best key this browser holds for a comparison, if any. */
  keyFor(id: string): string | undefined {
    return this.keys.get(id)?.key
  }

  /** Comparisons, newest first as the server orders them. */
  listComparisons(): Promise<Comparison[]> {
    return this.#request<unknown>('GET', '/comparisons').then((data) => listOf<Comparison>(data, 'comparisons'))
  }

  /** A comparison without its versions' texts: the page shows the sentences of the alignment. */
  getComparison(id: string): Promise<Comparison> {
    return this.#request('GET', `/comparisons/${encodeURIComponent(id)}?texts=false`)
  }

  /**
   * Creates a comparison and keeps its owner key in this browser. With `onProgress`, the create
   * carries a progress token and the server's progress under it is read every `pollMs` (default
   * 500 ms) until the create is answered; a failed read of the progress is skipped, never fatal.
   */
  async createComparison(input: NewComparison, options: CreateOptions = {}): Promise<CreatedComparison> {
    const { onProgress, pollMs = 500 } = options
    const token = onProgress ? progressToken() : undefined
    const creating = this.#request<CreatedComparison>('POST', '/comparisons', {
      body: input,
      headers: token ? { [PROGRESS_HEADER]: token } : {},
    })
    const stop = token && onProgress ? this.#follow(token, onProgress, pollMs) : () => {}
    let created: CreatedComparison
    try {
      created = await creating
    } finally {
      stop()
    }
    if (created.ownerKey) this.keys.add(created.id, created.ownerKey, 'owner')
    return created
  }

  /** Reads the progress under `token` until the returned function is called. */
  #follow(token: string, onProgress: (p: CreateProgress) => void, every: number): () => void {
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      try {
        const progress = await this.#request<CreateProgress>('GET', `/progress/${token}`)
        if (!stopped) onProgress(progress)
      } catch {
        // The progress is a courtesy: the create's own answer says whether it worked.
      }
      if (!stopped) timer = setTimeout(() => void tick(), every)
    }
    // The first read soon: a small upload is answered before it, a large one shows it moving.
    timer = setTimeout(() => void tick(), Math.min(every, 250))
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }

  async deleteComparison(id: string): Promise<void> {
    await this.#write(id, 'DELETE', `/comparisons/${encodeURIComponent(id)}`)
    this.keys.forget(id)
  }

  /** The alignment of the source with version `version` (1: the second version). */
  async getAlignment(id: string, version = 1): Promise<AlignmentAnswer> {
    const data = await this.#request<Record<string, unknown>>('GET', `/comparisons/${encodeURIComponent(id)}/alignment${versionQuery(version)}`)
    return alignmentOf(data)
  }

  /** Every version in rows shared against the source (the stored alignments, corrections included). */
  getRows(id: string): Promise<SharedRows> {
    return this.#request('GET', `/comparisons/${encodeURIComponent(id)}/rows`)
  }

  /** Saves corrected beads; the answer is the report recomputed over them. 409 when `revision` is stale. */
  async putAlignment(id: string, beads: ReadonlyArray<Pick<Bead, 'src' | 'tgt'> & Partial<Pick<Bead, 'manual' | 'confidence'>>>, revision?: number, version = 1): Promise<AlignmentAnswer> {
    // `manual: false` goes with beads restored by an undo, so they do not come back "by hand".
    const beadsOut = beads.map(({ src, tgt, manual, confidence }) => (manual === false ? { src, tgt, manual, confidence } : { src, tgt }))
    const body = { beads: beadsOut, ...(revision !== undefined ? { revision } : {}) }
    const data = await this.#write<Record<string, unknown>>(id, 'PUT', `/comparisons/${encodeURIComponent(id)}/alignment${versionQuery(version)}`, {
      body,
      headers: revision !== undefined ? { 'if-match': `"${revision}"` } : {},
    })
    return alignmentOf(data)
  }

  /**
   * Asks the server what `key` (default: the key held) may do on a comparison; 401 when the key
   * is unknown, of another comparison or revoked.
   */
  access(id: string, key = this.keyFor(id)): Promise<Grant> {
    if (!key) return Promise.reject(new ApiError(401, 'No key is kept in this browser for this comparison.'))
    return this.#request('GET', `/comparisons/${encodeURIComponent(id)}/access`, { key })
  }

  /** Issues a participant key (owner only); the answer carries the key itself, shown once. */
  issueKey(id: string, label: string): Promise<IssuedKey & { key: string }> {
    return this.#write(id, 'POST', `/comparisons/${encodeURIComponent(id)}/keys`, { body: { label } })
  }

  /** The keys of a comparison, revoked ones included, without their secrets (owner only). */
  listKeys(id: string): Promise<IssuedKey[]> {
    return this.#write<unknown>(id, 'GET', `/comparisons/${encodeURIComponent(id)}/keys`).then((data) => listOf<IssuedKey>(data, 'keys'))
  }

  /** Revokes a key of a comparison (owner only); its holder can no longer write, its annotations stay. */
  revokeKey(id: string, keyId: string): Promise<IssuedKey> {
    return this.#write(id, 'DELETE', `/comparisons/${encodeURIComponent(id)}/keys/${encodeURIComponent(keyId)}`)
  }

  listAnnotations(id: string, version = 1): Promise<Annotation[]> {
    return this.#request<unknown>('GET', `/comparisons/${encodeURIComponent(id)}/annotations?version=${version}`).then((data) => listOf<Annotation>(data, 'annotations'))
  }

  createAnnotation(id: string, draft: AnnotationDraft, version = 1): Promise<Annotation> {
    const body = version === 1 ? draft : { ...draft, version }
    return this.#write(id, 'POST', `/comparisons/${encodeURIComponent(id)}/annotations`, { body })
  }

  updateAnnotation(comparisonId: string, annotationId: string, change: Partial<AnnotationDraft>): Promise<Annotation> {
    return this.#write(comparisonId, 'PATCH', `/annotations/${encodeURIComponent(annotationId)}`, { body: change })
  }

  async deleteAnnotation(comparisonId: string, annotationId: string): Promise<void> {
    await this.#write(comparisonId, 'DELETE', `/annotations/${encodeURIComponent(annotationId)}`)
  }

  /**
   * Follows a comparison's annotation changes as they happen, by server-sent events; returns the
   * function that stops. The browser reconnects by itself after a drop; where the server refuses
   * the stream (too many open) or there is no `EventSource`, nothing follows and the caller polls.
   */
  follow(id: string, on: FollowHandlers): () => void {
    if (typeof EventSource === 'undefined') {
      on.lost?.(true)
      return () => {}
    }
    const source = new EventSource(`${this.base}/comparisons/${encodeURIComponent(id)}/events`)
    const change = (e: Event) => {
      try {
        on.change(JSON.parse((e as MessageEvent<string>).data) as AnnotationChange)
      } catch {
        // A malformed event is skipped; the next poll or reconnection catches up.
      }
    }
    for (const type of ['annotation-created', 'annotation-updated', 'annotation-deleted']) source.addEventListener(type, change)
    source.addEventListener('ready', () => on.open?.())
    source.addEventListener('error', () => on.lost?.(source.readyState === EventSource.CLOSED))
    return () => source.close()
  }

  /** Address of an export; reading needs no key, so a plain link downloads it. */
  /** Where to download an export; `units: 'pairs'` leaves single-language units out of a TMX. */
  exportUrl(id: string, format: ExportFormat, version = 1, options: { units?: 'pairs' } = {}): string {
    const version_ = version === 1 ? '' : `&version=${version}`
    return `${this.base}/comparisons/${encodeURIComponent(id)}/export?format=${format}${version_}${options.units ? `&units=${options.units}` : ''}`
  }
}

/** Options of {@link ParallaxApi.createComparison}. */
export interface CreateOptions {
  /** Called with the server's progress while it aligns. */
  onProgress?: (progress: CreateProgress) => void
  /** How often the progress is read, in milliseconds (default 500). */
  pollMs?: number
}

/** The header a create carries its progress token in. */
export const PROGRESS_HEADER = 'x-progress-token'

/**
 * A progress token: 128 random bits, hex. `getRandomValues` rather than `randomUUID`, which
 * browsers offer only on HTTPS and localhost, and the server may be served on a network.
 */
export function progressToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
}

/** `?version=N` for every version but the first, so ordinary addresses stay short. */
function versionQuery(version: number): string {
  return version === 1 ? '' : `?version=${version}`
}

function messageOf(data: unknown): string | undefined {
  if (typeof data === 'string') return data.slice(0, 300) || undefined
  if (data && typeof data === 'object') {
    const o = data as Record<string, unknown>
    const inner = o.error && typeof o.error === 'object' ? (o.error as Record<string, unknown>) : undefined
    const found = o.message ?? inner?.message ?? o.error
    if (typeof found === 'string') return found
  }
  return undefined
}

function listOf<T>(data: unknown, field: string): T[] {
  if (Array.isArray(data)) return data as T[]
  const inner = data && typeof data === 'object' ? (data as Record<string, unknown>)[field] : undefined
  return Array.isArray(inner) ? (inner as T[]) : []
}

function alignmentOf(data: Record<string, unknown>): AlignmentAnswer {
  // The report may come bare or wrapped with its revision: `{report, revision}`.
  if (data && typeof data === 'object' && 'report' in data) {
    return { report: data.report as DivergenceReport, revision: data.revision as number | undefined }
  }
  return { report: data as unknown as DivergenceReport, revision: (data as { revision?: number }).revision }
}
