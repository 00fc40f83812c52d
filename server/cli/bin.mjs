#!/usr/bin/env node
// The `chiso` command: the bundle in server/dist/ (see build.mjs), rebuilt first if a source changed.
import { ensureBuilt } from './build.mjs';

await import(await ensureBuilt());
