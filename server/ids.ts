import { randomBytes } from 'node:crypto'

/** A random URL-safe id: 9 bytes, 12 base64url characters, 72 bits (unguessable, short in links). */
export function newId(): string {
  return randomBytes(9).toString('base64url')
}
