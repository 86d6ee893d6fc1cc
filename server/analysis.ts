import { compare, diverge } from '../alignment/diverge.ts'
import type { Bead, CompareMode, DivergenceReport, Sentence } from '../alignment/types.ts'
import { AnalysisError } from './analysis-error.ts'
import { renderRowsAnswer, type EncodedAnswer, type RowsAnswerInput } from './answer-cache.ts'
import { FairQueue } from './fair-queue.ts'
import { parseTmx, TmxError, type TmxDocument } from './formats/tmx.ts'
import { parseTsv, TsvError, type TsvDocument } from './formats/tsv.ts'
import { primaryLanguage } from './language-tag.ts'

export { AnalysisError }

/**
 * The engine work behind the API: aligning new versions with their source, and recomputing
 * findings after a correction. Kept behind an interface so the process can run it in worker
 * threads (a 5 MB upload must not stall every other request) while tests call it directly.
 */

/** A version handed to the engine. */
export interface TextVersion {
  text: string
  lang: string
}

/** Who a call is for, so that the queue of a worker pool takes its clients in turn. */
export interface CallOptions {
  /**
   * The client: a verified key id or an address (default `'anonymous'`). Waiting calls are
   * taken one per client in turn, so a client that queues many waits for its own.
   */
  client?: string
}

/** Options of {@link Analyzer.compare}. */
export interface AnalysisOptions extends CallOptions {
  mode?: CompareMode | 'auto'
  presplit?: boolean
  /**
   * Called as the work goes on: when the call waits for a worker, as each version starts, and
   * as the engine aligns (about a hundred times a pass; a worker sends at most ten a second).
   */
  onProgress?: (progress: AnalysisProgress) => void
}

/** Least time between two progress messages of one stage from a worker thread. */
export const PROGRESS_INTERVAL_MS = 100

/** How far a {@link Analyzer.compare} call is. */
export interface AnalysisProgress {
  /**
   * `queued`: waiting for a worker; `segmenting`: splitting and matching (not measured);
   * `aligning`: `done` of `total` units of the engine; `comparing`: finding divergences.
   */
  stage: 'queued' | 'segmenting' | 'aligning' | 'comparing'
  /** Units of the engine's work done for this version, of `total` (0 of 0 before it starts). */
  done: number
  total: number
  /** The version being aligned with the source (1: the second), of `versions`; 0 while queued. */
  version: number
  versions: number
  /** Calls waiting ahead of this one (stage `queued`). */
  ahead?: number
}

/** A TMX or TSV import as its parser read it. */
export type ImportDocument = TmxDocument | TsvDocument

/**
 * The engine work the server needs, and the other CPU-heavy work that must not hold up the
 * thread that answers requests: parsing imports, building large answers.
 */
export interface Analyzer {
  /** Aligns the source (`versions[0]`) with every other version; `result[i]` is version `i + 1`. */
  compare(versions: TextVersion[], options?: AnalysisOptions): Promise<DivergenceReport[]>
  /** Recomputes the findings of a stored report for corrected beads (ahead of creates in the queue). */
  rediverge(report: DivergenceReport, src: string, tgt: string, beads: Bead[], options?: CallOptions): Promise<DivergenceReport>
  /** Builds the report of pairs given sentence by sentence (an import), beads as given. */
  fromPairs(src: TextVersion, tgt: TextVersion, beads: Bead[], options?: CallOptions): Promise<DivergenceReport>
  /**
   * Parses a TMX or TSV import.
   *
   * @throws TmxError or TsvError when the file cannot be read
   */
  parseImport(format: 'tmx' | 'tsv', content: string, options?: CallOptions): Promise<ImportDocument>
  /** Builds the shared-rows answer of a comparison and compresses it (see {@link renderRowsAnswer}). */
  renderRows(input: RowsAnswerInput, options?: CallOptions): Promise<EncodedAnswer>
  close(): Promise<void>
}

/** Sentences of a text written one per line (what imports produce). */
export function lineSentences(text: string): Sentence[] {
  const out: Sentence[] = []
  let start = 0
  for (const line of text.split('\n')) {
    if (line.length) out.push({ text: line, start, end: start + line.length, paragraph: out.length })
    start += line.length + 1
  }
  return out
}

// diverge() reports beads as it was given them; keep the hand-set flags even if it drops them.
function keepManual(report: DivergenceReport, beads: Bead[]): DivergenceReport {
  report.beads.forEach((b, i) => {
    if (beads[i]?.manual) b.manual = true
    else delete b.manual
  })
  return report
}

/** Runs the engine in this thread, reporting to `options.onProgress` as it goes. */
export function runCompare(versions: TextVersion[], options: AnalysisOptions = {}): DivergenceReport[] {
  const [src, ...others] = versions
  const report = options.onProgress
  return others.map((tgt, i) => {
    const at = { version: i + 1, versions: others.length }
    report?.({ stage: 'segmenting', done: 0, total: 0, ...at })
    return compare(src.text, tgt.text, {
      srcLang: primaryLanguage(src.lang),
      tgtLang: primaryLanguage(tgt.lang),
      presplit: options.presplit,
      mode: options.mode,
      // The engine reports alignment units only; once they are all done it finds divergences.
      onProgress: report && ((done, total) => report({ stage: done >= total ? 'comparing' : 'aligning', done, total, ...at })),
    })
  })
}

/** Recomputes findings for corrected beads, in this thread. */
export function runRediverge(report: DivergenceReport, src: string, tgt: string, beads: Bead[]): DivergenceReport {
  const result = diverge(
    { text: src, lang: report.src.lang, sentences: report.src.sentences },
    { text: tgt, lang: report.tgt.lang, sentences: report.tgt.sentences },
    beads,
    { mode: report.mode },
  )
  return keepManual(result, beads)
}

/** Parses an import, in this thread. */
export function runParseImport(format: 'tmx' | 'tsv', content: string): ImportDocument {
  return format === 'tmx' ? parseTmx(content) : parseTsv(content)
}

/** Builds the report of an import, in this thread. */
export function runFromPairs(src: TextVersion, tgt: TextVersion, beads: Bead[]): DivergenceReport {
  const result = diverge(
    { text: src.text, lang: primaryLanguage(src.lang), sentences: lineSentences(src.text) },
    { text: tgt.text, lang: primaryLanguage(tgt.lang), sentences: lineSentences(tgt.text) },
    beads,
  )
  return keepManual(result, beads)
}

/**
 * An analyzer that runs the engine in the calling thread: for tests and small inputs.
 *
 * @example
 * const analyzer = inlineAnalyzer()
 * const [report] = await analyzer.compare([{ text: en, lang: 'en' }, { text: tr, lang: 'tr' }])
 */
export function inlineAnalyzer(): Analyzer {
  return {
    compare: async (versions, options) => runCompare(versions, options),
    rediverge: async (report, src, tgt, beads) => runRediverge(report, src, tgt, beads),
    fromPairs: async (src, tgt, beads) => runFromPairs(src, tgt, beads),
    parseImport: async (format, content) => runParseImport(format, content),
    renderRows: async (input) => renderRowsAnswer(input),
    close: async () => {},
  }
}

/** Options of {@link workerAnalyzer}. */
export interface WorkerAnalyzerOptions {
  /** Worker threads that take every call (default 1: the engine is CPU-bound and the process shares its cores). */
  size?: number
  /**
   * Worker threads kept for corrections and reads (default 1), so that neither waits behind a
   * create that aligns for a minute; 0 leaves them to the other workers, ahead of creates.
   */
  expressWorkers?: number
  /** Give up on one engine call after this long (default 120 s); its worker is replaced. */
  timeoutMs?: number
  /**
   * Creates allowed to wait for a worker (default 16); more are refused at once, so a burst of
   * large uploads gets "busy, retry" answers instead of a queue that grows without bound.
   * Corrections and reads have as many places of their own.
   */
  maxQueue?: number
  /**
   * Calls one client may have waiting in a lane (default 4, at most `maxQueue`): one client
   * cannot fill the queue and have everyone else's creates refused.
   */
  maxQueuePerClient?: number
}

/**
 * The queue's lanes, served in this order: a correction is someone waiting at the page for a
 * small piece of work; a read is a large answer built once per revision; a create may take minutes.
 */
export type Lane = 'correction' | 'read' | 'create'
const LANES: readonly Lane[] = ['correction', 'read', 'create']
const EXPRESS_LANES: readonly Lane[] = ['correction', 'read']

/** Rebuilds an error thrown in a worker as the class the callers catch. */
function workerError(name: string | undefined, message: string): Error {
  if (name === 'TmxError') return new TmxError(message)
  if (name === 'TsvError') return new TsvError(message)
  return new AnalysisError(message)
}

/**
 * An analyzer that runs the engine in worker threads. Waiting calls form a {@link FairQueue}:
 * corrections first, then reads, then creates, and in each lane one call per client in turn.
 * `expressWorkers` threads take corrections and reads only. A worker that crashes or overruns
 * the timeout is terminated and replaced; its call is rejected with an {@link AnalysisError} and
 * the other calls go on.
 */
export async function workerAnalyzer(options: WorkerAnalyzerOptions = {}): Promise<Analyzer> {
  const { Worker } = await import('node:worker_threads')
  const { createRequire } = await import('node:module')
  const { pathToFileURL } = await import('node:url')
  // The ESM build of tsx's API (its CommonJS build cannot be imported from a worker's eval code).
  const TSX_API =
    typeof import.meta.resolve === 'function'
      ? import.meta.resolve('tsx/esm/api')
      : pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href
  const size = Math.max(1, options.size ?? 1)
  const express = Math.max(0, options.expressWorkers ?? 1)
  const timeoutMs = options.timeoutMs ?? 120_000
  const maxQueue = options.maxQueue ?? 16
  const perClient = Math.max(1, Math.min(maxQueue, options.maxQueuePerClient ?? 4))
  const entry = new URL('./analysis-worker.ts', import.meta.url)
  type Task = {
    msg: { op: string; args: unknown[]; progress?: boolean }
    resolve: (v: unknown) => void
    reject: (e: Error) => void
    onProgress?: (p: AnalysisProgress) => void
  }
  type Slot = {
    worker: import('node:worker_threads').Worker
    lanes: readonly Lane[]
    ready: boolean
    task?: Task & { id: number; timer: NodeJS.Timeout }
  }
  const queue = new FairQueue<Task, Lane>({ lanes: LANES })
  const slots: Slot[] = []
  let nextId = 1
  let closed = false
  // Workers that died before they were ready, in a row: a broken install, not a bad input.
  let bootFailures = 0
  let broken: string | undefined

  const spawn = (lanes: readonly Lane[]): Slot => {
    // Workers do not inherit the TypeScript loader that `--import tsx` installed here, so the
    // worker registers tsx itself before importing its TypeScript entry.
    const code = `import(${JSON.stringify(TSX_API)}).then((m) => { m.register(); return import(${JSON.stringify(entry.href)}) })`
    const worker = new Worker(code, { eval: true })
    const slot: Slot = { worker, lanes, ready: false }
    worker.on(
      'message',
      (res: { id: number; result?: unknown; error?: string; errorName?: string; ready?: boolean; progress?: AnalysisProgress }) => {
        if (res.ready) {
          slot.ready = true
          bootFailures = 0
          return pump()
        }
        const task = slot.task
        if (!task || task.id !== res.id) return
        if (res.progress) {
          // A listener that throws must not lose the call its worker is still working on.
          try {
            task.onProgress?.(res.progress)
          } catch {}
          return
        }
        clearTimeout(task.timer)
        slot.task = undefined
        if ('error' in res && res.error !== undefined) task.reject(workerError(res.errorName, res.error))
        else task.resolve(res.result)
        pump()
      },
    )
    const fail = (err: Error) => {
      const task = slot.task
      slot.task = undefined
      if (task) {
        clearTimeout(task.timer)
        task.reject(new AnalysisError(`the alignment worker stopped: ${err.message}`))
      }
      replace(slot, err.message)
    }
    worker.on('error', fail)
    worker.on('exit', (code) => {
      if (!closed && slots.includes(slot)) fail(new Error(`exit code ${code}`))
    })
    worker.unref()
    return slot
  }

  const replace = (slot: Slot, reason?: string) => {
    const i = slots.indexOf(slot)
    if (i === -1 || closed) return
    slots.splice(i, 1)
    void slot.worker.terminate()
    if (!slot.ready && ++bootFailures >= 3) {
      broken = reason ?? 'unknown error'
      for (const t of queue.drain()) t.reject(new AnalysisError(`the alignment workers cannot start: ${broken}`))
      return
    }
    slots.push(spawn(slot.lanes))
    pump()
  }

  // Tells a waiting call that reports progress how many calls are ahead of it.
  const tellOne = (t: Task) => {
    if (!t.onProgress) return
    try {
      t.onProgress({ stage: 'queued', done: 0, total: 0, version: 0, versions: 0, ahead: queue.ahead(t) })
    } catch {}
  }
  const tellQueue = () => {
    for (const t of queue) tellOne(t)
  }

  const pump = () => {
    const waiting = queue.size
    // Express workers first: a correction they can take leaves the general ones to creates.
    for (const slot of [...slots].sort((a, b) => a.lanes.length - b.lanes.length)) {
      if (!slot.ready || slot.task || !queue.size) continue
      const task = queue.shift(slot.lanes)
      if (!task) continue
      const id = nextId++
      const timer = setTimeout(() => {
        if (slot.task?.id !== id) return
        slot.task = undefined
        const limit = timeoutMs >= 1000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`
        task.reject(new AnalysisError(`the alignment took longer than ${limit} and was stopped`, true))
        replace(slot)
      }, timeoutMs)
      slot.task = { ...task, id, timer }
      slot.worker.postMessage({ id, ...task.msg })
    }
    if (queue.size && queue.size !== waiting) tellQueue()
  }

  const call = <T>(lane: Lane, op: string, args: unknown[], client = 'anonymous', onProgress?: (p: AnalysisProgress) => void): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (closed) return reject(new AnalysisError('the analyzer is closed'))
      if (broken) return reject(new AnalysisError(`the alignment workers cannot start: ${broken}`))
      if (queue.count(lane, client) >= perClient) {
        return reject(new AnalysisError(`${queue.count(lane, client)} of your ${lane}s are waiting already`, false, true))
      }
      if (queue.count(lane) >= maxQueue) {
        return reject(new AnalysisError(`${queue.count(lane)} ${lane}s are waiting already`, false, true))
      }
      const task: Task = { msg: { op, args, progress: !!onProgress }, resolve: resolve as (v: unknown) => void, reject, onProgress }
      queue.push(task, lane, client)
      const waiting = queue.size
      pump()
      // Still waiting: say where it stands (pump told the others if it took one).
      if (queue.size === waiting && queue.ahead(task) >= 0) tellOne(task)
    })

  for (let i = 0; i < size; i++) slots.push(spawn(LANES))
  for (let i = 0; i < express; i++) slots.push(spawn(EXPRESS_LANES))
  return {
    compare: (versions, opts = {}) => {
      // A function cannot cross to the worker: the worker posts progress messages instead.
      const { onProgress, client, ...rest } = opts
      return call('create', 'compare', [versions, rest], client, onProgress)
    },
    rediverge: (report, src, tgt, beads, opts = {}) => call('correction', 'rediverge', [report, src, tgt, beads], opts.client),
    fromPairs: (src, tgt, beads, opts = {}) => call('create', 'fromPairs', [src, tgt, beads], opts.client),
    parseImport: (format, content, opts = {}) => call('create', 'parseImport', [format, content], opts.client),
    renderRows: async (input, opts = {}) => {
      const res = await call<EncodedAnswer>('read', 'renderRows', [input], opts.client)
      // Transferred as a plain Uint8Array; callers want a Buffer over the same memory.
      return { ...res, gzip: Buffer.from(res.gzip.buffer, res.gzip.byteOffset, res.gzip.byteLength) }
    },
    close: async () => {
      closed = true
      for (const t of queue.drain()) t.reject(new AnalysisError('the analyzer is closed'))
      await Promise.all(slots.map((s) => s.worker.terminate()))
    },
  }
}
