/** An engine call that failed or ran out of time in a worker. */
export class AnalysisError extends Error {
  constructor(
    message: string,
    readonly timedOut = false,
  ) {
    super(message)
  }
}
