// The `abacus` command: dispatches subcommands, maps bad input to exit 2 and other failures to 1.

import { InputError } from "./errors.js";
import { UsageError } from "./cli/args.js";
import * as bench from "./cli/bench.js";
import * as compositions from "./cli/compositions.js";
import * as exportCmd from "./cli/export.js";
import * as heads from "./cli/heads.js";
import * as render from "./cli/render.js";
import * as scene from "./cli/scene.js";
import * as sheet from "./cli/sheet.js";
import * as still from "./cli/still.js";
import * as storyboard from "./cli/storyboard.js";
import * as narrate from "./cli/narrate.js";
import * as trace from "./cli/trace.js";
import * as trainCmd from "./cli/train.js";
import * as vocab from "./cli/vocab.js";

interface Command {
  summary: string;
  usage: string;
  run(argv: string[]): number | Promise<number>;
}

const COMMANDS: Record<string, Command> = {
  render: { summary: "render a composition to MP4 (default: the flagship LLMExplainer)", ...render },
  still: { summary: "render one frame to PNG", ...still },
  sheet: { summary: "a contact sheet: the middle frame of every beat in one labelled PNG", ...sheet },
  compositions: { summary: "list the compositions that can be rendered", ...compositions },
  trace: { summary: "run a prompt and print every intermediate tensor as JSON", ...trace },
  train: { summary: "train the tiny GPT and write its weights", ...trainCmd },
  vocab: { summary: "list the words the model knows", ...vocab },
  export: { summary: "write the model as a Hugging Face GPT-2 checkpoint (config.json, model.safetensors, tokenizer.json)", ...exportCmd },
  heads: { summary: "what each attention head does, measured (previous-token, induction, …)", ...heads },
  storyboard: { summary: "print an explainer's beat table for some props", ...storyboard },
  narrate: { summary: "print a video's script, true to its trace (text, srt, vtt or json)", ...narrate },
  scene: { summary: "print what one frame shows (blocks, labels, caption), without rendering", ...scene },
  bench: { summary: "benchmarks (model, scene)", ...bench },
};

/** The command column of the help: the longest name and two spaces. */
const NAME_WIDTH = Math.max(...Object.keys(COMMANDS).map((n) => n.length)) + 2;

const HELP = `abacus: explainer videos of a real tiny transformer

Usage: abacus <command> [options]     (abacus <command> --help for details)

Commands:
${Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(NAME_WIDTH)}${c.summary}`).join("\n")}`;

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    console.log(HELP);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS[name];
  try {
    if (!command) throw new UsageError(`unknown command ${JSON.stringify(name)}; expected one of ${Object.keys(COMMANDS).join(", ")}`);
    if (rest.includes("--help") || rest.includes("-h")) {
      console.log(command.usage);
      return 0;
    }
    return await command.run(rest);
  } catch (err) {
    const prefix = `abacus${command ? ` ${name}` : ""}: `;
    if (err instanceof UsageError) {
      console.error(`${prefix}${err.message}\n\n${command ? command.usage : HELP}`);
      return 2;
    }
    if (err instanceof InputError) {
      console.error(`${prefix}${err.message}`);
      return 2;
    }
    console.error(`${prefix}${err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
    return 1;
  }
}
