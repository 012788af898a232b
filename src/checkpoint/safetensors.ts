// The safetensors format: reading tensors (F32, F16, BF16) into float32 with clear errors for a bad file, and writing F32/F16 files.
//
// Layout: an unsigned 64-bit little-endian header length N, N bytes of JSON
// ({name: {dtype, shape, data_offsets: [begin, end]}, "__metadata__"?: {…}}), then the data;
// offsets are relative to the first byte after the header.

import { InputError } from "../errors.js";

export type Dtype = "F32" | "F16" | "BF16";
const BYTES: Record<Dtype, number> = { F32: 4, F16: 2, BF16: 2 };

export interface SafeTensor {
  dtype: Dtype;
  shape: number[];
  /** The values as float32: converted, or for aligned F32 a view of the file's bytes (copy before changing them). */
  data: Float32Array;
}

/** A half-precision (IEEE 754 binary16) value as a number. */
export function f16ToNumber(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >> 10) & 0x1f;
  const frac = h & 0x3ff;
  if (exp === 0) return sign * 2 ** -14 * (frac / 1024);
  if (exp === 31) return frac ? NaN : sign * Infinity;
  return sign * 2 ** (exp - 15) * (1 + frac / 1024);
}

/** The binary16 bits of a number, rounded to nearest even (what numpy's astype(float16) gives). */
export function numberToF16(v: number): number {
  const f = new Float32Array([v]);
  const x = new Uint32Array(f.buffer)[0];
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = 1 << (shift - 1);
    let m = mant >> shift;
    const rest = mant & ((1 << shift) - 1);
    if (rest > half || (rest === half && m & 1)) m++;
    return sign | m;
  }
  let m = mant >> 13;
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && m & 1)) {
    m++;
    if (m === 0x400) {
      m = 0;
      e++;
      if (e >= 31) return sign | 0x7c00;
    }
  }
  return sign | (e << 10) | m;
}

/** The tensors of a safetensors file (`file` names it in errors): every entry checked against the file's length and its dtype. */
export function readSafetensors(buf: Buffer, file: string): Map<string, SafeTensor> {
  if (buf.length < 8) throw new InputError(file, "a safetensors file (8 bytes of header length, then a JSON header)", `${buf.length} bytes`);
  const n = buf.readBigUInt64LE(0);
  if (n > BigInt(buf.length - 8)) throw new InputError(`${file}: header length`, `at most ${buf.length - 8} (the bytes after it)`, String(n));
  const start = 8 + Number(n);
  let header: Record<string, unknown>;
  try {
    header = JSON.parse(buf.toString("utf8", 8, start)) as Record<string, unknown>;
  } catch (err) {
    throw new InputError(`${file}: header`, "JSON", (err as Error).message);
  }
  if (!header || typeof header !== "object" || Array.isArray(header)) throw new InputError(`${file}: header`, "a JSON object", typeof header);
  const out = new Map<string, SafeTensor>();
  const dataLength = buf.length - start;
  for (const [name, entry] of Object.entries(header)) {
    if (name === "__metadata__") continue;
    const e = entry as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    const field = `${file}: ${name}`;
    if (typeof e.dtype !== "string" || !(e.dtype in BYTES)) throw new InputError(`${field}.dtype`, "one of F32, F16, BF16", JSON.stringify(e.dtype));
    const dtype = e.dtype as Dtype;
    if (!Array.isArray(e.shape) || !e.shape.every((d) => Number.isInteger(d) && d >= 0)) throw new InputError(`${field}.shape`, "a list of sizes", JSON.stringify(e.shape));
    const shape = e.shape as number[];
    const offsets = e.data_offsets;
    if (!Array.isArray(offsets) || offsets.length !== 2 || !offsets.every((o) => Number.isInteger(o) && o >= 0)) {
      throw new InputError(`${field}.data_offsets`, "[begin, end]", JSON.stringify(offsets));
    }
    const [begin, end] = offsets as [number, number];
    const count = shape.reduce((a, b) => a * b, 1);
    if (end < begin || end > dataLength) throw new InputError(`${field}.data_offsets`, `0 <= begin <= end <= ${dataLength} (the data's length)`, JSON.stringify(offsets));
    if (end - begin !== count * BYTES[dtype]) throw new InputError(`${field}.data_offsets`, `${count * BYTES[dtype]} bytes for ${dtype} ${JSON.stringify(shape)}`, `${end - begin} bytes`);
    const at = start + begin;
    // F32 at an aligned offset: a view of the file's bytes, no copy (every engine this runs on is little-endian, as the format)
    if (dtype === "F32" && (buf.byteOffset + at) % 4 === 0) {
      out.set(name, { dtype, shape, data: new Float32Array(buf.buffer, buf.byteOffset + at, count) });
      continue;
    }
    const data = new Float32Array(count);
    for (let i = 0; i < count; i++) {
      if (dtype === "F32") data[i] = buf.readFloatLE(at + 4 * i);
      else if (dtype === "F16") data[i] = f16ToNumber(buf.readUInt16LE(at + 2 * i));
      else {
        const bits = Buffer.alloc(4);
        bits.writeUInt16LE(buf.readUInt16LE(at + 2 * i), 2);
        data[i] = bits.readFloatLE(0);
      }
    }
    out.set(name, { dtype, shape, data });
  }
  return out;
}

/** A safetensors file of the tensors, in the given order, each stored as `dtype` (F32 or F16), the header padded to 8 bytes as the reference writer does. */
export function writeSafetensors(tensors: [string, { shape: number[]; data: ArrayLike<number> }][], dtype: "F32" | "F16" = "F32", metadata?: Record<string, string>): Buffer {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  const chunks: Buffer[] = [];
  let offset = 0;
  for (const [name, t] of tensors) {
    const b = Buffer.alloc(t.data.length * BYTES[dtype]);
    for (let i = 0; i < t.data.length; i++) {
      if (dtype === "F32") b.writeFloatLE(t.data[i], 4 * i);
      else b.writeUInt16LE(numberToF16(t.data[i]), 2 * i);
    }
    header[name] = { dtype, shape: t.shape, data_offsets: [offset, offset + b.length] };
    offset += b.length;
    chunks.push(b);
  }
  let json = JSON.stringify(header);
  json += " ".repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(Buffer.byteLength(json)));
  return Buffer.concat([len, Buffer.from(json, "utf8"), ...chunks]);
}
