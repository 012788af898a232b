// `abacus compositions`: lists what can be rendered.

import { COMPOSITIONS } from "../render/compositions.js";
import { parse } from "./args.js";

export const usage = `Usage: abacus compositions

Lists the composition ids that \`abacus render\` and \`abacus still\` accept.`;

export function run(argv: string[]): number {
  parse(argv, {});
  for (const c of COMPOSITIONS) console.log(`${c.id.padEnd(15)}${c.description}`);
  return 0;
}
