#!/usr/bin/env node
// Runs the compiled CLI; `npm run build` (or `npm start`, which builds when needed) produces it.
import '../dist/cli/cli.main.js';
