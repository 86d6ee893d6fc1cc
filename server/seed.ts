import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Analyzer } from './analysis.ts'
import { newKey } from './auth.ts'
import { newId } from './ids.ts'
import { languageName, normalizeLanguageTag } from './language-tag.ts'
import type { NewComparison, Store } from './store/store.ts'

/** The repository's folder of sample documents and their manifest. */
export const SEEDS_DIR = fileURLToPath(new URL('../seeds/', import.meta.url))

/** `seeds/manifest.json`: the sample comparisons, the first one shown first. */
export interface SeedManifest {
  pairs: Array<{
    title: string
    /** How to compare (default `auto`). */
    mode?: 'translation' | 'comparable' | 'auto'
    versions: Array<{ file: string; label: string; lang: string }>
  }>
}

/** A sample comparison written at first start, with its owner key (printed once). */
export interface SeededComparison {
  id: string
  title: string
  ownerKey: string
}

/** Reads and checks the manifest; throws with a clear message when it is malformed. */
export function readManifest(dir: string = SEEDS_DIR): SeedManifest | null {
  const path = join(dir, 'manifest.json')
  if (!existsSync(path)) return null
  const manifest = JSON.parse(readFileSync(path, 'utf8')) as SeedManifest
  if (!Array.isArray(manifest?.pairs)) throw new Error(`${path}: expected {"pairs": [...]}`)
  for (const p of manifest.pairs) {
    if (typeof p.title !== 'string' || !Array.isArray(p.versions) || p.versions.length < 2) {
      throw new Error(`${path}: every pair needs a title and at least two versions`)
    }
  }
  return manifest
}

/**
 * Writes the sample comparisons of the manifest if this database never had them (deleting
 * them later does not bring them back). They are inserted last-first, so the newest-first
 * listing starts with the manifest's first pair.
 *
 * @returns the comparisons written now, empty when the database was seeded before
 */
export async function seed(store: Store, analyzer: Analyzer, dir: string = SEEDS_DIR): Promise<SeededComparison[]> {
  if (await store.isSeeded()) return []
  const manifest = readManifest(dir)
  if (!manifest) return []
  const list: NewComparison[] = []
  const keys: SeededComparison[] = []
  for (const pair of [...manifest.pairs].reverse()) {
    const versions = pair.versions.map((v) => {
      const lang = normalizeLanguageTag(v.lang)
      if (!lang) throw new Error(`seeds/manifest.json: "${v.lang}" is not an accepted language tag`)
      return { label: v.label || languageName(lang), lang, text: readFileSync(join(dir, v.file), 'utf8').replace(/^\uFEFF/, '') }
    })
    const reports = await analyzer.compare(versions, { mode: pair.mode })
    const key = newKey()
    const id = newId()
    list.push({ id, title: pair.title, versions, reports, ownerKey: { id: key.id, secretHash: key.secretHash, label: 'owner' } })
    keys.unshift({ id, title: pair.title, ownerKey: key.key })
  }
  return (await store.createSeedComparisons(list)) ? keys : []
}
