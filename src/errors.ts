// Typed errors for bad input: they name the field, the expected and the actual value (CLI exit code 2).

export class InputError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
    readonly actual: string,
    readonly hint?: string,
  ) {
    super(`${field}: expected ${expected}, got ${actual}${hint ? `. ${hint}` : ""}`);
    this.name = "InputError";
  }
}

/** Renders a value for an error message: short, quoted when a string. */
export function show(value: unknown): string {
  const s = typeof value === "string" ? JSON.stringify(value) : String(JSON.stringify(value) ?? value);
  return s.length > 80 ? `${s.slice(0, 77)}...` : s;
}
