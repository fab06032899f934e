#!/usr/bin/env node
// The `rounds` command in a checkout. Node runs the TypeScript sources itself (type stripping); the
// container runs the compiled dist/. Kept to plain JavaScript so an old Node reaches the version check.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `rounds: Node.js 22.18 or newer is needed (this is ${process.version}); run it through npm (npm start, npx rounds), which uses the Node the project installs\n`,
  );
  process.exit(1);
}
await import(new URL('../src/app/cli.ts', import.meta.url).href);
