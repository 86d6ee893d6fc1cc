import { isRtl } from '../alignment/language.ts'
import { FINDING_KINDS, type DivergenceSummary } from '../alignment/types.ts'
import { primaryLanguage } from './language-tag.ts'
import { TAXONOMY } from './schemas.ts'
import type {
  AlignmentRecord,
  AnnotationRecord,
  ComparisonListItem,
  ComparisonRecord,
  KeyRecord,
  Version,
  VersionMeta,
} from './store/store.ts'

/**
 * How stored records look in API answers. One function per resource, so every route that
 * returns a resource returns it the same way.
 */

const dir = (lang: string): 'rtl' | 'ltr' => (isRtl(primaryLanguage(lang)) ? 'rtl' : 'ltr')

/** A version in answers: with its writing direction, with or without its text. */
export function versionView(v: VersionMeta & { text?: string }) {
  return { label: v.label, lang: v.lang, dir: dir(v.lang), length: v.length, ...(v.text !== undefined ? { text: v.text } : {}) }
}

/** Counts of every finding kind, 0 for those absent (and all 0 without a summary). */
export function countsOf(summary: DivergenceSummary | null): Record<string, number> {
  return Object.fromEntries(FINDING_KINDS.map((k) => [k, summary?.counts?.[k] ?? 0]))
}

/** An alignment in answers: the engine's report plus where it belongs and its revision. */
export function alignmentView(a: AlignmentRecord) {
  return { ...a.report, comparisonId: a.comparisonId, version: a.target, revision: a.revision, updatedAt: a.updatedAt }
}

/** A comparison in answers; with the versions' texts when the record has them. */
export function comparisonView(
  c: Omit<ComparisonRecord, 'versions'> & { versions: Array<Version | VersionMeta> },
  alignments: Array<{ target: number; revision: number; summary: DivergenceSummary; updatedAt: string }>,
) {
  const first = alignments.find((a) => a.target === 1)
  return {
    id: c.id,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    versions: c.versions.map((v) => versionView('text' in v ? { ...v, length: v.text.length } : v)),
    revision: first?.revision ?? null,
    summary: first?.summary ?? null,
    alignments: alignments.map((a) => ({
      version: a.target,
      revision: a.revision,
      summary: a.summary,
      updatedAt: a.updatedAt,
    })),
  }
}

/** A comparison in the list. */
export function listItemView(c: ComparisonListItem) {
  return {
    id: c.id,
    title: c.title,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    versions: c.versions.map((v) => versionView(v)),
    revision: c.revision,
    summary: c.summary,
    counts: countsOf(c.summary),
    findings: c.findings,
    annotations: c.annotations,
  }
}

const TAXONOMY_SET = new Set<string>(TAXONOMY)

/** An annotation in answers. */
export function annotationView(a: AnnotationRecord) {
  return {
    id: a.id,
    comparisonId: a.comparisonId,
    version: a.version,
    target: a.target,
    tag: a.tag,
    taxonomy: TAXONOMY_SET.has(a.tag),
    tags: a.tags,
    note: a.note,
    author: a.author,
    keyId: a.keyId,
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
  }
}

/** A key in answers: never its secret or hash. */
export function keyView(k: KeyRecord) {
  return { id: k.id, role: k.role, label: k.label, createdAt: k.createdAt, revokedAt: k.revokedAt }
}
