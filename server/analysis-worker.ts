import { parentPort } from 'node:worker_threads'
import { PROGRESS_INTERVAL_MS, runCompare, runFromPairs, runParseImport, runRediverge, type AnalysisProgress } from './analysis.ts'
import { renderRowsAnswer } from './answer-cache.ts'

/**
 * Worker thread entry of {@link workerAnalyzer}: runs one engine call per message, so a long
 * alignment keeps this thread busy instead of the one answering requests. A `compare` sent with
 * `progress: true` posts `{id, progress}` messages as it goes, before its answer.
 */

/** A call from the pool. */
export type WorkerRequest =
  | { id: number; op: 'compare'; args: Parameters<typeof runCompare>; progress?: boolean }
  | { id: number; op: 'rediverge'; args: Parameters<typeof runRediverge> }
  | { id: number; op: 'fromPairs'; args: Parameters<typeof runFromPairs> }
  | { id: number; op: 'parseImport'; args: Parameters<typeof runParseImport> }
  | { id: number; op: 'renderRows'; args: Parameters<typeof renderRowsAnswer> }

/** The answer to a call, or a progress report of one under way. */
export type WorkerResponse =
  | { id: number; result: unknown }
  | { id: number; error: string; errorName?: string }
  | { id: number; progress: AnalysisProgress }

/**
 * Posts progress at most every {@link PROGRESS_INTERVAL_MS}, but always a change of stage or
 * version: the engine reports a few hundred times a call, which is more than anyone reads.
 */
function progressPoster(id: number): (p: AnalysisProgress) => void {
  let last = 0
  let lastKey = ''
  return (p) => {
    const key = `${p.stage}:${p.version}`
    const now = performance.now()
    if (key === lastKey && now - last < PROGRESS_INTERVAL_MS) return
    last = now
    lastKey = key
    parentPort!.postMessage({ id, progress: p } satisfies WorkerResponse)
  }
}

parentPort?.on('message', (req: WorkerRequest) => {
  try {
    if (req.op === 'renderRows') {
      // The compressed bytes are moved to the pool, not copied.
      const answer = renderRowsAnswer(...req.args)
      const bytes = new Uint8Array(answer.gzip)
      parentPort!.postMessage({ id: req.id, result: { ...answer, gzip: bytes } } satisfies WorkerResponse, [bytes.buffer])
      return
    }
    let result: unknown
    if (req.op === 'compare') {
      const [versions, options] = req.args
      result = runCompare(versions, { ...options, onProgress: req.progress ? progressPoster(req.id) : undefined })
    } else if (req.op === 'rediverge') result = runRediverge(...req.args)
    else if (req.op === 'parseImport') result = runParseImport(...req.args)
    else result = runFromPairs(...req.args)
    parentPort!.postMessage({ id: req.id, result } satisfies WorkerResponse)
  } catch (err) {
    // The class name goes along, so that the pool rethrows an import's TmxError as a TmxError.
    const e = err instanceof Error ? err : new Error(String(err))
    const known = e.name === 'TmxError' || e.name === 'TsvError' || e.constructor.name === 'TmxError' || e.constructor.name === 'TsvError'
    parentPort!.postMessage({
      id: req.id,
      error: known ? e.message : e.stack ?? e.message,
      errorName: known ? (e.name !== 'Error' ? e.name : e.constructor.name) : e.name,
    } satisfies WorkerResponse)
  }
})

// Loaded: the pool starts sending calls (and timing them) only now, not while tsx boots.
parentPort?.postMessage({ ready: true })
