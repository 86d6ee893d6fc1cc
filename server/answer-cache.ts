import type { Context } from 'hono'
import { Readable } from 'node:stream'
import { createGunzip, gzip as gzipCallback, gzipSync } from 'node:zlib'
import { promisify } from 'node:util'
import type { DivergenceReport } from '../alignment/types.ts'
import { sharedRows } from './rows.ts'
import type { Store, VersionMeta } from './store/store.ts'
import { versionView } from './views.ts'

/**
 * Large answers built once per revision and kept compressed. The alignment of 50,000 sentences
 * is 29 MB of JSON and its shared rows 27 MB; building them for every read (parse the stored
 * report, merge, serialise, compress) held the thread that answers requests for seconds and
 * cost a copy of each per reader. Here each answer is built once per revision (the shared rows
 * in a worker thread), kept as gzip bytes (about a tenth of the size) in memory up to a byte
 * budget and, when large, in the database, and every reader is sent the same bytes: the thread
 * only hands a buffer to the socket. A client that does not take gzip gets the JSON unpacked as
 * it is sent, a stream, never a whole copy.
 */

const gzipAsync = promisify(gzipCallback)

/** An answer as kept: gzip bytes of JSON, and the length of that JSON in bytes. */
export interface EncodedAnswer {
  gzip: Buffer
  length: number
}

/** Compresses a JSON answer in libuv's thread pool, not the thread that answers requests. */
export async function encodeAnswer(json: string): Promise<EncodedAnswer> {
  const bytes = Buffer.from(json, 'utf8')
  return { gzip: await gzipAsync(bytes, { level: 6 }), length: bytes.byteLength }
}

/** What {@link renderRowsAnswer} needs: the comparison's versions and its stored alignments as JSON text. */
export interface RowsAnswerInput {
  comparisonId: string
  versions: VersionMeta[]
  alignments: Array<{ target: number; revision: number; updatedAt: string; reportJson: string }>
}

/**
 * Builds the answer of `GET /comparisons/{id}/rows`, compressed: every version in rows shared
 * against the source (see `rows.ts`). CPU-bound and synchronous: the server runs it in a worker.
 *
 * @throws SharedRowsError when the stored alignments do not fit together
 */
export function renderRowsAnswer(input: RowsAnswerInput): EncodedAnswer {
  const reports = input.alignments.map((a) => JSON.parse(a.reportJson) as DivergenceReport)
  const merged = sharedRows(reports)
  const json = JSON.stringify({
    comparisonId: input.comparisonId,
    versions: input.versions.map((v, i) => {
      const { label, lang, dir } = versionView(v)
      return { label, lang, dir, sentences: merged.sentences[i]?.sentences ?? [] }
    }),
    alignments: input.alignments.map((a, i) => ({ version: a.target, revision: a.revision, updatedAt: a.updatedAt, summary: reports[i].summary })),
    rows: merged.rows,
  })
  const bytes = Buffer.from(json, 'utf8')
  return { gzip: gzipSync(bytes, { level: 6 }), length: bytes.byteLength }
}

/** Options of {@link AnswerCache}. */
export interface AnswerCacheOptions {
  /** Where answers of `storeFromBytes` and more are kept across restarts and instances; memory only when omitted. */
  store?: Store
  /** Compressed bytes kept in memory, all answers together (default 64 MiB); least recently used go first. */
  maxBytes?: number
  /** JSON length from which an answer is also written to the database (default 256 KB); smaller ones are cheap to rebuild. */
  storeFromBytes?: number
}

/** Names an answer: a comparison, which answer of it (`alignment-1`, `rows`), and the ETag of its content. */
export interface AnswerKey {
  comparisonId: string
  name: string
  etag: string
}

type Entry = EncodedAnswer & { etag: string }

/**
 * Compressed answers by comparison, name and ETag, built once: concurrent readers of an answer
 * not built yet wait for the one build. Memory is bounded by `maxBytes` of compressed bytes.
 *
 * @example
 * const answer = await cache.get({ comparisonId: id, name: 'rows', etag }, () => build())
 * return sendAnswer(c, answer.etag, answer)
 */
export class AnswerCache {
  readonly #store?: Store
  readonly #maxBytes: number
  readonly #storeFrom: number
  // Map order is use order: the first entry is the least recently used.
  readonly #memory = new Map<string, Entry>()
  readonly #building = new Map<string, Promise<Entry>>()
  #bytes = 0

  constructor(options: AnswerCacheOptions = {}) {
    this.#store = options.store
    this.#maxBytes = options.maxBytes ?? 64 * 1024 * 1024
    this.#storeFrom = options.storeFromBytes ?? 256 * 1024
  }

  /** Compressed bytes held in memory now. */
  get bytes(): number {
    return this.#bytes
  }

  /**
   * The answer `key` names: from memory, else from the database, else built by `build` (once,
   * however many ask at the same time). `build` may find a newer revision than the key's ETag:
   * it returns the ETag of what it built, and that is what the answer carries.
   */
  async get(key: AnswerKey, build: () => Promise<Entry>): Promise<Entry> {
    const slot = `${key.comparisonId}\u0000${key.name}`
    const held = this.#memory.get(slot)
    if (held && held.etag === key.etag) {
      this.#memory.delete(slot)
      this.#memory.set(slot, held)
      return held
    }
    const flight = `${slot}\u0000${key.etag}`
    let pending = this.#building.get(flight)
    if (!pending) {
      pending = this.#load(key, build).finally(() => this.#building.delete(flight))
      this.#building.set(flight, pending)
    }
    const entry = await pending
    this.#remember(slot, entry)
    return entry
  }

  async #load(key: AnswerKey, build: () => Promise<Entry>): Promise<Entry> {
    const stored = await this.#store?.getStoredAnswer(key.comparisonId, key.name, key.etag)
    if (stored) return { ...stored, gzip: Buffer.from(stored.gzip.buffer, stored.gzip.byteOffset, stored.gzip.byteLength), etag: key.etag }
    const built = await build()
    if (this.#store && built.length >= this.#storeFrom) {
      // Kept for the next start and the other instances; a failure costs a rebuild, not the answer.
      await this.#store.putStoredAnswer(key.comparisonId, key.name, built.etag, built.gzip, built.length).catch(() => {})
    }
    return built
  }

  #remember(slot: string, entry: Entry): void {
    const old = this.#memory.get(slot)
    if (old === entry) return
    if (old) {
      this.#memory.delete(slot)
      this.#bytes -= old.gzip.byteLength
    }
    // One answer larger than the whole budget is served, not kept.
    if (entry.gzip.byteLength > this.#maxBytes) return
    this.#memory.set(slot, entry)
    this.#bytes += entry.gzip.byteLength
    for (const [k, e] of this.#memory) {
      if (this.#bytes <= this.#maxBytes) break
      this.#memory.delete(k)
      this.#bytes -= e.gzip.byteLength
    }
  }

  /** Forgets what memory holds of a comparison (deleted); the database forgets by its cascade. */
  forget(comparisonId: string): void {
    for (const [k, e] of this.#memory) {
      if (!k.startsWith(`${comparisonId}\u0000`)) continue
      this.#memory.delete(k)
      this.#bytes -= e.gzip.byteLength
    }
  }
}

/** Whether `Accept-Encoding` takes gzip (`gzip`, `x-gzip` or `*`, without `q=0`). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false
  let star = false
  for (const part of header.split(',')) {
    const [coding, ...params] = part.trim().toLowerCase().split(';')
    const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined)
    const allowed = q === undefined || Number(q) > 0
    if (coding === 'gzip' || coding === 'x-gzip') return allowed
    if (coding === '*') star = allowed
  }
  return star
}

/**
 * Sends a kept answer: its gzip bytes as they are when the request takes gzip (weak ETag, as
 * every compressed answer of this server), else the JSON unpacked as it streams out, with its
 * length. `Vary: Accept-Encoding` either way.
 */
export function sendAnswer(c: Context, etag: string, answer: EncodedAnswer): Response {
  c.header('Vary', 'Accept-Encoding')
  c.header('Cache-Control', 'no-cache')
  c.header('Content-Type', 'application/json; charset=UTF-8')
  if (acceptsGzip(c.req.header('accept-encoding'))) {
    c.header('ETag', `W/${etag}`)
    c.header('Content-Encoding', 'gzip')
    c.header('Content-Length', String(answer.gzip.byteLength))
    return c.body(answer.gzip as unknown as ArrayBuffer, 200)
  }
  c.header('ETag', etag)
  c.header('Content-Length', String(answer.length))
  const stream = Readable.toWeb(Readable.from([answer.gzip]).pipe(createGunzip())) as ReadableStream<Uint8Array>
  return c.body(stream, 200)
}
