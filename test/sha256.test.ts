// The pure-TypeScript SHA-256 agrees with node:crypto on edge-length inputs.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { sha256 } from "../src/util/sha256.js";

describe("sha256", () => {
  it("hashes the empty string and 'abc' to their published digests", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  });

  it("agrees with node:crypto for lengths around the block boundaries and for UTF-8", () => {
    for (const len of [1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 100003]) {
      const bytes = new Uint8Array(len).map((_, i) => (i * 131 + len) & 255);
      expect(sha256(bytes), `length ${len}`).toBe(createHash("sha256").update(bytes).digest("hex"));
    }
    expect(sha256("每个词元")).toBe(createHash("sha256").update("每个词元", "utf8").digest("hex"));
  });
});
