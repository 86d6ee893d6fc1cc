/** An engine call that failed, ran out of time, or was refused because the engine is busy. */
export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
    /** Refused at once: too many calls are waiting already. */
    readonly busy = false,
  ) {
    super(message)
  }
}
