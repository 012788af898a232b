// Test helper: an independent GPT-2 forward pass in float64, straight from HF's tensors (Conv1D (in, out) layout) and config.json, written as the HF code reads.
import type { SafeTensor } from "../src/checkpoint/safetensors.js";

/** erf by its Taylor series (float64; |x| ≥ 5 is ±1 to 1.5e-12). */
function erf(x: number): number {
  if (Math.abs(x) >= 5) return Math.sign(x);
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (-x * x) / n;
    sum += term / (2 * n + 1);
  }
  return (2 / Math.sqrt(Math.PI)) * sum;
}

const GELU: Record<string, (x: number) => number> = {
  gelu_new: (x) => 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x ** 3))),
  gelu: (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
};

export interface ReferenceActs {
  x0: number[][];
  att: number[][][][]; // [layer][head][t][s]
  resid2: number[][][]; // [layer][t][c]
  logits: number[][];
}

export function referenceForward(tensors: Map<string, SafeTensor>, config: Record<string, unknown>, ids: number[]): ReferenceActs {
  const C = config.n_embd as number;
  const H = config.n_head as number;
  const L = config.n_layer as number;
  const V = config.vocab_size as number;
  const eps = (config.layer_norm_epsilon as number | undefined) ?? 1e-5;
  const gelu = GELU[(config.activation_function as string | undefined) ?? "gelu_new"];
  const hs = C / H;
  const prefixed = tensors.has("transformer.wte.weight");
  const w = (name: string) => tensors.get((prefixed ? "transformer." : "") + name)!.data;
  const T = ids.length;
  /** x (T, n) · W (n, m) + b, W stored (in, out) as Conv1D. */
  const conv1d = (x: number[][], W: Float32Array, b: Float32Array, m: number) => x.map((row) => Array.from({ length: m }, (_, j) => row.reduce((s, v, i) => s + v * W[i * m + j], b[j])));
  const layerNorm = (x: number[][], g: Float32Array, b: Float32Array) => x.map((row) => {
    const mean = row.reduce((a, v) => a + v, 0) / C;
    const variance = row.reduce((a, v) => a + (v - mean) ** 2, 0) / C;
    return row.map((v, i) => ((v - mean) / Math.sqrt(variance + eps)) * g[i] + b[i]);
  });
  const wte = w("wte.weight");
  const wpe = w("wpe.weight");
  let h = ids.map((id, t) => Array.from({ length: C }, (_, c) => wte[id * C + c] + wpe[t * C + c]));
  const x0 = h.map((r) => [...r]);
  const att: number[][][][] = [];
  const resid2: number[][][] = [];
  for (let l = 0; l < L; l++) {
    const p = `h.${l}.`;
    const a = layerNorm(h, w(`${p}ln_1.weight`), w(`${p}ln_1.bias`));
    const qkv = conv1d(a, w(`${p}attn.c_attn.weight`), w(`${p}attn.c_attn.bias`), 3 * C);
    const y = h.map(() => new Array<number>(C).fill(0));
    const heads: number[][][] = [];
    for (let hd = 0; hd < H; hd++) {
      const q = (t: number, i: number) => qkv[t][hd * hs + i];
      const k = (t: number, i: number) => qkv[t][C + hd * hs + i];
      const v = (t: number, i: number) => qkv[t][2 * C + hd * hs + i];
      const rows: number[][] = [];
      for (let t = 0; t < T; t++) {
        const scores = Array.from({ length: T }, (_, s) => (s > t ? -Infinity : Array.from({ length: hs }, (_, i) => q(t, i) * k(s, i)).reduce((x, z) => x + z, 0) / Math.sqrt(hs)));
        const max = Math.max(...scores);
        const e = scores.map((z) => Math.exp(z - max));
        const total = e.reduce((x, z) => x + z, 0);
        const wts = e.map((z) => z / total);
        rows.push(wts);
        for (let i = 0; i < hs; i++) y[t][hd * hs + i] = wts.reduce((acc, wt, s) => acc + wt * v(s, i), 0);
      }
      heads.push(rows);
    }
    att.push(heads);
    const proj = conv1d(y, w(`${p}attn.c_proj.weight`), w(`${p}attn.c_proj.bias`), C);
    h = h.map((r, t) => r.map((v, c) => v + proj[t][c]));
    const m = layerNorm(h, w(`${p}ln_2.weight`), w(`${p}ln_2.bias`));
    const f = conv1d(m, w(`${p}mlp.c_fc.weight`), w(`${p}mlp.c_fc.bias`), 4 * C).map((r) => r.map(gelu));
    const out = conv1d(f, w(`${p}mlp.c_proj.weight`), w(`${p}mlp.c_proj.bias`), C);
    h = h.map((r, t) => r.map((v, c) => v + out[t][c]));
    resid2.push(h.map((r) => [...r]));
  }
  const lnf = layerNorm(h, w("ln_f.weight"), w("ln_f.bias"));
  // the unembedding: wte, or lm_head.weight (V, C) when config.json unties them
  const head = config.tie_word_embeddings === false ? tensors.get("lm_head.weight")!.data : wte;
  const logits = lnf.map((row) => Array.from({ length: V }, (_, j) => row.reduce((s, v, i) => s + v * head[j * C + i], 0)));
  return { x0, att, resid2, logits };
}
