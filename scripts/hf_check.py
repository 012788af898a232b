"""Checks an `abacus export --format hf` folder with Hugging Face transformers: it loads with
GPT2LMHeadModel.from_pretrained, no weight missing or left over, its tokenizer.json encodes each
traced prompt to the trace's ids, and its logits equal each `abacus trace` file's.

    npx abacus export --format hf out/hf
    npx abacus trace --model out/hf --prompt "the cat sat on the" --out out/hf-trace.json
    python scripts/hf_check.py out/hf out/hf-trace.json

Needs torch and transformers (not a dependency of abacus: nothing in `npm test` runs this).
Exits 1 when a check fails. The traces keep 6 significant digits, so logits up to about 20
differ from float32's by up to 5e-5; the tolerance is 1e-3.
"""
import json
import sys

import torch
import transformers
from transformers import GPT2LMHeadModel, PreTrainedTokenizerFast

TOLERANCE = 1e-3


def main(folder: str, traces: list[str]) -> int:
    print(f"torch {torch.__version__}, transformers {transformers.__version__}")
    model, info = GPT2LMHeadModel.from_pretrained(folder, output_loading_info=True, dtype=torch.float32)
    model.eval()
    problems = [f"{k}: {sorted(v)}" for k, v in info.items() if v]
    c = model.config
    print(f"config: n_embd {c.n_embd}, n_layer {c.n_layer}, n_head {c.n_head}, vocab_size {c.vocab_size}, "
          f"{c.activation_function}, layer_norm_epsilon {c.layer_norm_epsilon}; loading info {dict(info)}")
    tokenizer = PreTrainedTokenizerFast(tokenizer_file=f"{folder}/tokenizer.json")
    for path in traces:
        trace = json.load(open(path))
        ids = trace["tokenIds"]
        encoded = tokenizer(trace["prompt"], add_special_tokens=False)["input_ids"]
        if encoded != ids:
            problems.append(f"{path}: tokenizer.json encodes {encoded}, the trace has {ids}")
        logits = trace["tensors"]["logits"]
        want = torch.tensor(logits["data"], dtype=torch.float64).reshape(logits["shape"])
        with torch.no_grad():
            got = model(torch.tensor([ids])).logits[0].double()
        diff = (got - want).abs().max().item()
        same = bool((got.argmax(-1) == want.argmax(-1)).all())
        print(f"{path}: {len(ids)} tokens, max |logit difference| {diff:.2e}, every argmax the same: {same}")
        if diff > TOLERANCE or not same:
            problems.append(f"{path}: logits differ by {diff:.2e} (tolerance {TOLERANCE}), argmax same: {same}")
    for p in problems:
        print("FAIL", p)
    print("ok" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2:]))
