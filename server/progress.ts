import type { AnalysisProgress } from './analysis.ts'

/**
 * Progress of long creates, told by a token the client chose. The create request carries
 * `X-Progress-Token: TOKEN` and is answered as always (201 once everything is aligned and saved);
 * meanwhile `GET /api/progress/TOKEN` says how far it is. The synchronous contract of
 * `POST /api/comparisons` stays as it was: a client that sends no token sees no difference.
 *
 * Tokens are unguessable strings the client makes up (16 to 64 letters, digits, `-`, `_`); the
 * progress holds nothing but stages and counts, so no key is needed to read it. An entry is
 * forgotten a minute after its work ended; a token the board does not know reads as `pending`
 * (its request has not reached the server yet, or ended long ago), never as an error, so a page
 * polling from the moment it sent the request never sees a failed request.
 */

/** What a create is doing, in order. */
export const PROGRESS_STAGES = [
  /** The board does not know the token (yet). */
  'pending',
  /** The request arrived; its body is being read and checked. */
  'receiving',
  /** Waiting for an aligner thread (other uploads are being aligned). */
  'queued',
  /** The engine splits the texts into sentences and matches their content. */
  'segmenting',
  /** The engine aligns the sentences: `done` of `total`. */
  'aligning',
  /** The engine looks for divergences in the aligned pairs. */
  'comparing',
  /** Writing the comparison to the database. */
  'saving',
  /** Created: the create request has its answer. */
  'done',
  /** The create failed: its request has the error. */
  'failed',
] as const

/** A stage of {@link PROGRESS_STAGES}. */
export type ProgressStage = (typeof PROGRESS_STAGES)[number]

/** The progress of one create, as `GET /api/progress/:token` answers it. */
export interface Progress {
  stage: ProgressStage
  /** Units of alignment work done for the version being aligned, of `total` (0 of 0 before). */
  done: number
  total: number
  /** The version being aligned with the source (1: the second version), of `versions`. */
  version: number
  versions: number
  /** The whole alignment, 0 to 100, never going back; 100 once done. */
  percent: number
  /** Calls waiting for the aligner ahead of this one (stage `queued`). */
  ahead?: number
  /** The comparison created (stage `done`). */
  id?: string
  /** The error code the create was answered with (stage `failed`). */
  error?: string
}

/** What a token must look like: long enough to be unguessable, safe in a path. */
export const PROGRESS_TOKEN = /^[A-Za-z0-9_-]{16,64}$/

/** Options of {@link ProgressBoard}. */
export interface ProgressBoardOptions {
  /** How long a finished entry is kept for late readers (default 60 s). */
  keepMs?: number
  /** Entries kept at most; the oldest finished ones go first (default 10,000). */
  maxEntries?: number
  /** Clock in milliseconds (tests). */
  now?: () => number
}

interface Entry {
  progress: Progress
  /** When the work ended; undefined while it runs. */
  endedAt?: number
}

/** Reports into one entry of the board; all methods do nothing once the work ended. */
export interface ProgressTracker {
  /** Moves to a stage outside the engine (`receiving`, `saving`). */
  stage(stage: 'receiving' | 'saving'): void
  /** Takes what the analyzer reports. */
  analysis(p: AnalysisProgress): void
  /** The create succeeded. */
  done(id: string): void
  /** The create failed with this error code. */
  failed(code: string): void
}

/**
 * The progress of every create that carries a token, kept in memory (a create and its progress
 * reads go to the same process: the client polls the server it is uploading to).
 *
 * @example
 * const board = new ProgressBoard()
 * const tracker = board.track('c9d3f0a1b2e4d5f6')
 * tracker?.stage('receiving')
 * board.get('c9d3f0a1b2e4d5f6') // { stage: 'receiving', percent: 0, … }
 */
export class ProgressBoard {
  readonly #entries = new Map<string, Entry>()
  readonly #keepMs: number
  readonly #maxEntries: number
  readonly #now: () => number

  constructor(options: ProgressBoardOptions = {}) {
    this.#keepMs = options.keepMs ?? 60_000
    this.#maxEntries = options.maxEntries ?? 10_000
    this.#now = options.now ?? Date.now
  }

  /** The progress of a token; `pending` when the board does not know it. */
  get(token: string): Progress {
    this.#sweep()
    const entry = this.#entries.get(token)
    return entry ? { ...entry.progress } : { stage: 'pending', done: 0, total: 0, version: 0, versions: 0, percent: 0 }
  }

  /**
   * Starts reporting under a token. Undefined when another create that is still running holds
   * the token: the first keeps it, and the second goes on without progress rather than fail.
   */
  track(token: string): ProgressTracker | undefined {
    this.#sweep()
    const held = this.#entries.get(token)
    if (held && held.endedAt === undefined) return undefined
    const entry: Entry = { progress: { stage: 'receiving', done: 0, total: 0, version: 0, versions: 0, percent: 0 } }
    // Re-inserted at the end, so the map stays in order of start (the sweep relies on it).
    this.#entries.delete(token)
    this.#entries.set(token, entry)
    const p = entry.progress
    const live = () => entry.endedAt === undefined && this.#entries.get(token) === entry
    const end = () => {
      entry.endedAt = this.#now()
      delete p.ahead
    }
    return {
      stage: (stage) => {
        if (!live()) return
        p.stage = stage
        if (stage === 'saving') p.percent = 100
        delete p.ahead
      },
      analysis: (a) => {
        if (!live()) return
        p.stage = a.stage
        p.done = a.done
        p.total = a.total
        p.version = a.version
        p.versions = a.versions
        if (a.ahead !== undefined) p.ahead = a.ahead
        else delete p.ahead
        p.percent = Math.max(p.percent, percentOf(a))
      },
      done: (id) => {
        if (!live()) return
        Object.assign(p, { stage: 'done', percent: 100, id })
        end()
      },
      failed: (code) => {
        if (!live()) return
        Object.assign(p, { stage: 'failed', error: code })
        end()
      },
    }
  }

  /** Entries on the board (tests, monitoring). */
  get size(): number {
    return this.#entries.size
  }

  // Forgets finished entries past their time, and the oldest ones beyond the cap.
  #sweep(): void {
    const now = this.#now()
    for (const [token, e] of this.#entries) {
      if (e.endedAt !== undefined && now - e.endedAt > this.#keepMs) this.#entries.delete(token)
    }
    if (this.#entries.size < this.#maxEntries) return
    for (const [token, e] of this.#entries) {
      if (this.#entries.size < this.#maxEntries) break
      if (e.endedAt !== undefined) this.#entries.delete(token)
    }
    // Still full of running work (a flood of uploads that never end): the oldest go too.
    for (const token of this.#entries.keys()) {
      if (this.#entries.size < this.#maxEntries) break
      this.#entries.delete(token)
    }
  }
}

/**
 * How much of the alignment is done, 0 to 100: every version against the source counts the
 * same; within one, the engine's units of work. Splitting and matching before the first unit
 * count as nothing (the engine does not measure them), finding divergences as all of it.
 */
export function percentOf(a: AnalysisProgress): number {
  if (!a.versions) return 0
  const within = a.stage === 'comparing' ? 1 : a.total > 0 ? Math.min(1, a.done / a.total) : 0
  const whole = (Math.max(0, a.version - 1) + within) / a.versions
  // One decimal: enough to see a 50,000-sentence alignment move.
  return Math.floor(whole * 1000) / 10
}
