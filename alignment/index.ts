/**
 * The Parallax engine: segmentation, alignment and divergences. Pure TypeScript: no file system,
 * network, DOM or console, so it runs unchanged in Node and in the browser.
 */
export * from './types.ts'
export { segment, traceSegment } from './segment.ts'
export { detectLanguage, isRtl, isValidLanguageTag } from './language.ts'
export { align, BEAD_TYPES } from './align.ts'
export { alignToPivot, pivotRows, type PivotRow } from './pivot.ts'
export { formatBead, formatBeads, parseBeads } from './bead-format.ts'
export { foldCase, romanize, skeleton, wordTokens } from './romanize.ts'
export { countAlignment, scoreAlignment, scoreCounts, addCounts } from './evaluate.ts'
export { compare, diverge, type CompareOptions, type VersionInput } from './diverge.ts'
export { formatReport } from './divergence/report-text.ts'
