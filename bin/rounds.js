#!/usr/bin/env node
// The `rounds` command in a checkout: runs the TypeScript sources through tsx (the container runs the compiled dist/).
import { register } from 'tsx/esm/api';

register();
await import(new URL('../src/app/cli.ts', import.meta.url).href);
