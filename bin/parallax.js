#!/usr/bin/env node
// The `parallax` command. The engine and the command line are TypeScript, run through tsx's loader
// so that `npx parallax` works straight after `npm install`, with no build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
