#!/usr/bin/env node
// The `chiso` command. The server and CLI are TypeScript run through tsx, so there is no build step.
import { register } from 'tsx/esm/api';

register();
await import('./main.ts');
