// The safetensors reader and writer: hand-computed half-precision bits, hand-built files, and every kind of broken file.
import { describe, expect, it } from "vitest";
import { f16ToNumber, numberToF16, readSafetensors, writeSafetensors } from "../src/checkpoint/safetensors.js";
import { InputError } from "../src/errors.js";

/** A file from a header object and raw data bytes, as the format lays it out. */
function file(header: unknown, data: Buffer): Buffer {
  const json = Buffer.from(JSON.stringify(header));
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([len, json, data]);
}

describe("half precision", () => {
  it("matches hand-computed binary16 bits, rounding to nearest even", () => {
    const cases: [number, number][] = [[1, 0x3c00], [-2, 0xc000], [65504, 0x7bff], [0.1, 0x2e66], [1 / 3, 0x3555], [2 ** -24, 0x0001], [2 ** -14, 0x0400], [0, 0], [1e6, 0x7c00], [1 + 2 ** -11, 0x3c00], [1 + 3 * 2 ** -11, 0x3c02]];
    for (const [v, bits] of cases) expect(numberToF16(v), String(v)).toBe(bits);
    expect([0x3c00, 0xc000, 0x7bff, 0x0001, 0x3555].map(f16ToNumber)).toEqual([1, -2, 65504, 2 ** -24, 0.333251953125]);
    expect(f16ToNumber(0x7c00)).toBe(Infinity);
    expect(f16ToNumber(0x7e00)).toBeNaN();
  });
});

describe("safetensors", () => {
  it("reads F32, F16 and BF16 tensors from a hand-built file", () => {
    const data = Buffer.alloc(4 * 2 + 2 * 2 + 2 * 1);
    data.writeFloatLE(1.5, 0);
    data.writeFloatLE(-0.25, 4);
    data.writeUInt16LE(0x3c00, 8);
    data.writeUInt16LE(0xc000, 10);
    data.writeUInt16LE(0x3f80, 12); // bfloat16 1.0: the top half of float32 1.0
    const t = readSafetensors(file({
      __metadata__: { format: "pt" },
      a: { dtype: "F32", shape: [2], data_offsets: [0, 8] },
      b: { dtype: "F16", shape: [1, 2], data_offsets: [8, 12] },
      c: { dtype: "BF16", shape: [1], data_offsets: [12, 14] },
    }, data), "model.safetensors");
    expect([...t.keys()]).toEqual(["a", "b", "c"]);
    expect([...t.get("a")!.data]).toEqual([1.5, -0.25]);
    expect(t.get("b")).toMatchObject({ dtype: "F16", shape: [1, 2] });
    expect([...t.get("b")!.data]).toEqual([1, -2]);
    expect([...t.get("c")!.data]).toEqual([1]);
  });

  it("writes files that read back: F32 exactly, F16 to half precision; the header padded to 8 bytes", () => {
    const values = [0.1, -3.75, 1e-3, 42];
    const buf = writeSafetensors([["w", { shape: [2, 2], data: values }], ["b", { shape: [1], data: [0.5] }]], "F32", { format: "pt" });
    expect(Number(buf.readBigUInt64LE(0)) % 8).toBe(0);
    const back = readSafetensors(buf, "x");
    expect([...back.get("w")!.data]).toEqual([...new Float32Array(values)]);
    expect(back.get("w")!.shape).toEqual([2, 2]);
    const half = readSafetensors(writeSafetensors([["w", { shape: [4], data: values }]], "F16"), "x").get("w")!;
    half.data.forEach((v, i) => expect(Math.abs(v - values[i])).toBeLessThanOrEqual(Math.abs(values[i]) * 2 ** -11));
  });

  const bad: [string, Buffer, RegExp][] = [
    ["too short", Buffer.alloc(4), /m\.st: expected a safetensors file .*, got 4 bytes/],
    ["header length past the end", (() => { const b = Buffer.alloc(16); b.writeBigUInt64LE(100n); return b; })(), /header length: expected at most 8 \(the bytes after it\), got 100/],
    ["header not JSON", file("x", Buffer.alloc(0)).fill(0x7b, 8), /header: expected JSON/],
    ["an unsupported dtype", file({ a: { dtype: "F64", shape: [1], data_offsets: [0, 8] } }, Buffer.alloc(8)), /m\.st: a\.dtype: expected one of F32, F16, BF16, got "F64"/],
    ["offsets out of range", file({ a: { dtype: "F32", shape: [4], data_offsets: [0, 16] } }, Buffer.alloc(8)), /a\.data_offsets: expected 0 <= begin <= end <= 8 \(the data's length\), got \[0,16\]/],
    ["a shape that does not fit its bytes", file({ a: { dtype: "F32", shape: [3], data_offsets: [0, 8] } }, Buffer.alloc(8)), /a\.data_offsets: expected 12 bytes for F32 \[3\], got 8 bytes/],
    ["a bad shape", file({ a: { dtype: "F32", shape: [-1], data_offsets: [0, 4] } }, Buffer.alloc(4)), /a\.shape: expected a list of sizes, got \[-1\]/],
  ];
  for (const [name, buf, message] of bad) {
    it(`rejects a file with ${name}, naming the file and field`, () => {
      expect(() => readSafetensors(buf, "m.st")).toThrow(InputError);
      expect(() => readSafetensors(buf, "m.st")).toThrow(message);
    });
  }
});
