#!/usr/bin/env node
// The `license-prep` bin: runs the bundled CLI (built by `npm run build`).
const { existsSync } = require('node:fs');
const { join } = require('node:path');
const cli = join(__dirname, '..', 'dist', 'cli', 'license-prep.cjs');
if (!existsSync(cli)) {
  process.stderr.write('license-prep: not built yet: run `npm run build` first\n');
  process.exit(2);
}
require(cli);
