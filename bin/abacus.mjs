#!/usr/bin/env node
// Entry point of the `abacus` command: runs the TypeScript CLI through tsx (no build step).
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

process.env.ABACUS_ROOT ??= resolve(dirname(fileURLToPath(import.meta.url)), "..");
register();
const { main } = await import("../src/cli.ts");
process.exitCode = await main(process.argv.slice(2));
