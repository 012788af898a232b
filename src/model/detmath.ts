// Engine-independent exp, log and tanh built from + − × ÷ and exact powers of two,
// so training and traces are bit-for-bit the same on every JS engine and CPU.
// (Math.exp/log/tanh are "implementation-approximated" in ECMAScript; Math.sqrt is
// not transcendental and IEEE 754 requires it to be correctly rounded, so we use it.)

const LN2_HI = 6.93147180369123816490e-1; // high bits of ln 2, exact in float64
const LN2_LO = 1.90821492927058770002e-10; // ln 2 − LN2_HI
const INV_LN2 = 1.44269504088896338700;

// POW2[k + 1074] = 2^k, filled by repeated doubling/halving: every entry is exact.
const POW2_MIN = -1074;
const POW2_MAX = 1023;
const POW2 = new Float64Array(POW2_MAX - POW2_MIN + 1);
{
  POW2[-POW2_MIN] = 1;
  for (let k = 1; k <= POW2_MAX; k++) POW2[k - POW2_MIN] = POW2[k - 1 - POW2_MIN] * 2;
  for (let k = -1; k >= POW2_MIN; k--) POW2[k - POW2_MIN] = POW2[k + 1 - POW2_MIN] / 2;
}

/** 2^k for integer k, exact (0 below the subnormal range, Infinity above). */
export function pow2(k: number): number {
  if (k < POW2_MIN) return 0;
  if (k > POW2_MAX) return Infinity;
  return POW2[k - POW2_MIN];
}

/** e^x with relative error below 1e-15, identical on every engine. */
export function exp(x: number): number {
  if (x !== x) return NaN;
  if (x > 709.782712893384) return Infinity;
  if (x < -745.1332191019412) return 0;
  // x = k·ln2 + r, |r| ≤ ln2/2; e^x = 2^k · e^r.
  const k = Math.round(x * INV_LN2);
  const r = x - k * LN2_HI - k * LN2_LO;
  // Taylor series of e^r to degree 13 (|r| ≤ 0.347: truncation error < 1e-17), Horner form.
  let p = 1 / 6227020800;
  p = p * r + 1 / 479001600;
  p = p * r + 1 / 39916800;
  p = p * r + 1 / 3628800;
  p = p * r + 1 / 362880;
  p = p * r + 1 / 40320;
  p = p * r + 1 / 5040;
  p = p * r + 1 / 720;
  p = p * r + 1 / 120;
  p = p * r + 1 / 24;
  p = p * r + 1 / 6;
  p = p * r + 1 / 2;
  p = p * r + 1;
  p = p * r + 1;
  // Split the scaling so that 2^k never overflows before the product underflows.
  if (k < -1000) return p * pow2(k + 500) * pow2(-500);
  if (k > 1000) return p * pow2(k - 500) * pow2(500);
  return p * pow2(k);
}

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const HI = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1 ? 1 : 0; // index of the high word

/** Natural logarithm, identical on every engine. */
export function log(x: number): number {
  if (x !== x || x < 0) return NaN;
  if (x === 0) return -Infinity;
  if (x === Infinity) return Infinity;
  let e = 0;
  if (x < 2.2250738585072014e-308) {
    x *= 18014398509481984; // 2^54: bring subnormals into the normal range
    e = -54;
  }
  // x = m · 2^e with m in [1, 2), read from the bits.
  f64[0] = x;
  const hi = u32[HI];
  e += ((hi >>> 20) & 0x7ff) - 1023;
  u32[HI] = (hi & 0x000fffff) | 0x3ff00000;
  let m = f64[0];
  if (m > Math.SQRT2) {
    m /= 2;
    e += 1;
  }
  // log m = 2·atanh(s), s = (m−1)/(m+1), |s| ≤ 0.172: series to s^27.
  const s = (m - 1) / (m + 1);
  const s2 = s * s;
  let t = 1 / 27;
  for (let n = 25; n >= 1; n -= 2) t = t * s2 + 1 / n;
  return 2 * s * t + e * LN2_LO + e * LN2_HI;
}

/**
 * The error function, identical on every engine: Numerical Recipes' erfc by a Chebyshev fit
 * (fractional error under 1.2e-7, below float32's), exp from this module.
 */
export function erf(x: number): number {
  if (x !== x) return NaN;
  const z = x < 0 ? -x : x;
  const t = 1 / (1 + 0.5 * z);
  const poly = -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  const erfc = t * exp(-z * z + poly);
  return x < 0 ? erfc - 1 : 1 - erfc;
}

/** Hyperbolic tangent, identical on every engine. */
export function tanh(x: number): number {
  if (x !== x) return NaN;
  if (x > 20) return 1;
  if (x < -20) return -1;
  const ax = x < 0 ? -x : x;
  let y: number;
  if (ax < 0.0625) {
    // Taylor series, avoids the cancellation in (e^2x − 1).
    const x2 = ax * ax;
    y = ax * (1 + x2 * (-1 / 3 + x2 * (2 / 15 + x2 * (-17 / 315 + x2 * (62 / 2835)))));
  } else {
    const e2 = exp(2 * ax);
    y = (e2 - 1) / (e2 + 1);
  }
  return x < 0 ? -y : y;
}
