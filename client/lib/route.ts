/**
 * The page's addresses: `/` for the list of comparisons, `/c/ID` for one comparison, `/c/ID?v=N`
 * for the alignment of its source with version N (1, the second version, when absent), and
 * `/c/ID?v=all` for every version in shared rows (`&src=P`: the source in column P, 1 when
 * absent). Anything else falls back to the list, so a mistyped address still shows something.
 */
export type Route =
  | { name: 'list' }
  | { name: 'comparison'; id: string; version?: number }
  | { name: 'rows'; id: string; source?: number }

/** Reads a route from a path and query (`location.pathname`, `location.search`). */
export function parseRoute(path: string, search = ''): Route {
  const m = /^\/c\/([^/]+)\/?$/.exec(path)
  if (m) {
    try {
      const id = decodeURIComponent(m[1])
      const query = new URLSearchParams(search)
      if (id && query.get('v') === 'all') {
        const source = Number(query.get('src'))
        return Number.isInteger(source) && source > 1 ? { name: 'rows', id, source } : { name: 'rows', id }
      }
      const v = Number(query.get('v'))
      if (id) return Number.isInteger(v) && v > 1 ? { name: 'comparison', id, version: v } : { name: 'comparison', id }
    } catch {
      // Malformed percent-encoding: treat as unknown.
    }
  }
  return { name: 'list' }
}

/** The path (and query) of a route. */
export function routePath(route: Route): string {
  if (route.name === 'list') return '/'
  const base = `/c/${encodeURIComponent(route.id)}`
  if (route.name === 'rows') return route.source && route.source > 1 ? `${base}?v=all&src=${route.source}` : `${base}?v=all`
  return route.version && route.version > 1 ? `${base}?v=${route.version}` : base
}
