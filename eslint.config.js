// ESLint: TypeScript rules everywhere; no wall clock, timers or unseeded randomness where frames are computed.
import js from "@eslint/js";
import remotion from "@remotion/eslint-plugin";
import tseslint from "typescript-eslint";

const determinism = {
  "@remotion/deterministic-randomness": "error",
  "@remotion/non-pure-animation": "error",
  "no-restricted-properties": [
    "error",
    { object: "Math", property: "random", message: "Use the seeded Rng (src/model/random.ts)." },
    { object: "Date", property: "now", message: "Frames and traces must not depend on the wall clock." },
    { object: "performance", property: "now", message: "Only the CLI's progress display and benchmarks may read a clock." },
  ],
  "no-restricted-globals": [
    "error",
    { name: "setTimeout", message: "No timers: every frame is a pure function of (props, frame)." },
    { name: "setInterval", message: "No timers: every frame is a pure function of (props, frame)." },
    { name: "requestAnimationFrame", message: "Drive animation from useCurrentFrame()." },
  ],
  "no-restricted-syntax": [
    "error",
    { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: "new Date() reads the wall clock." },
  ],
};

export default tseslint.config(
  { ignores: ["node_modules/**", "out/**", "build/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: "readonly", console: "readonly", TextEncoder: "readonly", Buffer: "readonly" } },
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}", "compositions/**/*.{ts,tsx}"],
    plugins: { "@remotion": remotion },
    rules: determinism,
  },
  {
    // The only places allowed to read a clock: progress display, benchmarks, training throughput.
    files: ["src/cli/progress.ts", "src/cli/bench.ts", "src/cli/bench-checkpoint.ts"],
    rules: { "no-restricted-properties": "off", "no-restricted-globals": "off" },
  },
);
