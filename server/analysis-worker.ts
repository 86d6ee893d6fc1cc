import { parentPort } from 'node:worker_threads'
import { runCompare, runFromPairs, runRediverge } from './analysis.ts'

/**
 * Worker thread entry of {@link workerAnalyzer}: runs one engine call per message, so a long
 * alignment keeps this thread busy instead of the one answering requests.
 */

/** A call from the pool. */
export type WorkerRequest =
  | { id: number; op: 'compare'; args: Parameters<typeof runCompare> }
  | { id: number; op: 'rediverge'; args: Parameters<typeof runRediverge> }
  | { id: number; op: 'fromPairs'; args: Parameters<typeof runFromPairs> }

/** The answer to a call. */
export type WorkerResponse = { id: number; result: unknown } | { id: number; error: string }

parentPort?.on('message', (req: WorkerRequest) => {
  try {
    const result =
      req.op === 'compare'
        ? runCompare(...req.args)
        : req.op === 'rediverge'
          ? runRediverge(...req.args)
          : runFromPairs(...req.args)
    parentPort!.postMessage({ id: req.id, result } satisfies WorkerResponse)
  } catch (err) {
    parentPort!.postMessage({ id: req.id, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies WorkerResponse)
  }
})

// Loaded: the pool starts sending calls (and timing them) only now, not while tsx boots.
parentPort?.postMessage({ ready: true })
