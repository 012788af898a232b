// Reading, checking and serialising traces (canonical JSON, verified hash).

import { InputError } from "../errors.js";
import { canonicalJson, contentHash } from "./canonical.js";
import { tensorIds } from "./ids.js";
import { TraceSchema, type Trace } from "./schema.js";

export function serializeTrace(trace: Trace): string {
  return canonicalJson(trace);
}

/** Validates unknown JSON as a Trace: schema, complete tensor set, matching hash. */
export function parseTrace(json: unknown, source = "trace"): Trace {
  const r = TraceSchema.safeParse(json);
  if (!r.success) {
    const issue = r.error.issues[0];
    const where = [source, ...issue.path.map(String)].join(".");
    const actual = "received" in issue ? String(issue.received) : issue.message;
    throw new InputError(where, issue.code === "invalid_type" ? String(issue.expected) : "a valid trace", actual);
  }
  const trace = r.data;
  // a large vocabulary's logits and probs are kept as vocabTop
  const expected = tensorIds(trace.model).filter((id) => !trace.vocabTop || (id !== "logits" && id !== "probs"));
  const missing = expected.filter((id) => !(id in trace.tensors));
  if (missing.length > 0) throw new InputError(`${source}.tensors`, "every tensor of the model", `missing ${missing.slice(0, 3).join(", ")}${missing.length > 3 ? " ..." : ""}`);
  const hash = contentHash(trace);
  if (hash !== trace.hash) throw new InputError(`${source}.hash`, hash, trace.hash, "The trace was modified after it was written.");
  return trace;
}
