"""A BERT encoder's forward pass in numpy, float32, for inference only.

It reproduces Hugging Face's `BertModel` in eval mode (no dropout) for the layout that
all-MiniLM-L6-v2 uses: absolute position embeddings, post-LayerNorm blocks, exact (erf)
GELU. Weights are read straight from a `.safetensors` file, whose format is small enough
to parse here (8-byte little-endian header length, a JSON header, then the raw tensors)
instead of adding a package for it.
"""

from __future__ import annotations

import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray

Array = NDArray[np.float32]

_DTYPES: dict[str, np.dtype[Any]] = {
    "F32": np.dtype("<f4"),
    "F16": np.dtype("<f2"),
    "I64": np.dtype("<i8"),
    "I32": np.dtype("<i4"),
}

# Abramowitz & Stegun 7.1.26: erfc(z) ~ poly(t) exp(-z^2), t = 1 / (1 + p z), z >= 0,
# absolute error <= 1.5e-7, below float32's resolution near 1. numpy has no erf, and
# math.erf through np.vectorize would cost more than the matmuls.
_AS_P = np.float32(0.3275911)
_AS_A = tuple(np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429))
_INV_SQRT2 = np.float32(1 / math.sqrt(2))


@dataclass(frozen=True)
class BertConfig:
    """The numbers of config.json that the forward pass needs."""

    layers: int
    hidden: int
    heads: int
    intermediate: int
    max_positions: int
    layer_norm_eps: float

    @classmethod
    def read(cls, path: Path) -> BertConfig:
        raw: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
        act = raw.get("hidden_act", "gelu")
        if raw.get("model_type", "bert") != "bert" or act != "gelu":
            raise ValueError(
                f"{path}: model_type {raw.get('model_type')!r} with hidden_act {act!r} is not supported; "
                "this encoder runs BERT models with exact GELU ('gelu') only"
            )
        if raw.get("position_embedding_type", "absolute") != "absolute":
            raise ValueError(f"{path}: only absolute position embeddings are supported")
        return cls(
            layers=int(raw["num_hidden_layers"]),
            hidden=int(raw["hidden_size"]),
            heads=int(raw["num_attention_heads"]),
            intermediate=int(raw["intermediate_size"]),
            max_positions=int(raw["max_position_embeddings"]),
            layer_norm_eps=float(raw["layer_norm_eps"]),
        )


@dataclass(frozen=True)
class Layer:
    """One transformer block. Matrices are stored (in, out), so a step is `x @ w + b`."""

    qkv_w: Array  # query, key and value side by side: one matmul instead of three
    qkv_b: Array
    attn_out_w: Array
    attn_out_b: Array
    attn_norm_g: Array
    attn_norm_b: Array
    up_w: Array
    up_b: Array
    down_w: Array
    down_b: Array
    out_norm_g: Array
    out_norm_b: Array


@dataclass(frozen=True)
class BertWeights:
    config: BertConfig
    word: Array
    position: Array
    token_type: Array
    embed_norm_g: Array
    embed_norm_b: Array
    layers: tuple[Layer, ...]

    @classmethod
    def load(cls, path: Path, config: BertConfig) -> BertWeights:
        tensors = read_safetensors(path)
        prefix = "bert." if "bert.embeddings.word_embeddings.weight" in tensors else ""

        def get(name: str) -> Array:
            key = prefix + name
            if key not in tensors:
                raise KeyError(f"{path}: tensor {key!r} is missing; is this a BERT model's safetensors file?")
            return np.ascontiguousarray(tensors[key], dtype=np.float32)

        def linear(name: str) -> tuple[Array, Array]:
            # torch stores Linear weights as (out, in); transpose once here, not per call
            return np.ascontiguousarray(get(f"{name}.weight").T), get(f"{name}.bias")

        layers = []
        for i in range(config.layers):
            base = f"encoder.layer.{i}"
            parts = [linear(f"{base}.attention.self.{part}") for part in ("query", "key", "value")]
            attn_out_w, attn_out_b = linear(f"{base}.attention.output.dense")
            up_w, up_b = linear(f"{base}.intermediate.dense")
            down_w, down_b = linear(f"{base}.output.dense")
            layers.append(
                Layer(
                    qkv_w=np.ascontiguousarray(np.concatenate([w for w, _ in parts], axis=1)),
                    qkv_b=np.concatenate([b for _, b in parts]),
                    attn_out_w=attn_out_w,
                    attn_out_b=attn_out_b,
                    attn_norm_g=get(f"{base}.attention.output.LayerNorm.weight"),
                    attn_norm_b=get(f"{base}.attention.output.LayerNorm.bias"),
                    up_w=up_w,
                    up_b=up_b,
                    down_w=down_w,
                    down_b=down_b,
                    out_norm_g=get(f"{base}.output.LayerNorm.weight"),
                    out_norm_b=get(f"{base}.output.LayerNorm.bias"),
                )
            )
        return cls(
            config=config,
            word=get("embeddings.word_embeddings.weight"),
            position=get("embeddings.position_embeddings.weight"),
            token_type=get("embeddings.token_type_embeddings.weight"),
            embed_norm_g=get("embeddings.LayerNorm.weight"),
            embed_norm_b=get("embeddings.LayerNorm.bias"),
            layers=tuple(layers),
        )


def read_safetensors(path: Path) -> dict[str, NDArray[Any]]:
    """All tensors of a safetensors file, as read-only numpy arrays over one buffer."""
    raw = path.read_bytes()
    size = int.from_bytes(raw[:8], "little")
    header: dict[str, Any] = json.loads(raw[8 : 8 + size])
    buffer = memoryview(raw)[8 + size :]
    tensors: dict[str, NDArray[Any]] = {}
    for name, meta in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(meta["dtype"])
        if dtype is None:
            raise ValueError(f"{path}: tensor {name!r} has dtype {meta['dtype']}, which is not supported")
        start, end = meta["data_offsets"]
        tensors[name] = np.frombuffer(buffer[start:end], dtype=dtype).reshape(meta["shape"])
    return tensors


def forward(weights: BertWeights, ids: NDArray[np.int64], lengths: Sequence[int]) -> Array:
    """Last hidden states, shape (total, hidden), of sentences packed end to end, without padding.

    `ids` holds the token ids of every sentence one after another (shape (total,)), and
    `lengths` says how many belong to each, in order. A transformer's dense layers treat
    each token on its own, so they run over the real tokens only: padding a batch to its
    longest sentence cost a quarter of the work on news sentences of mixed length. Only
    attention needs a sentence's tokens side by side; it runs over each run of neighbouring
    sentences of equal length (callers sort by length, so runs are long), where no mask is
    needed either. The result is what Hugging Face's `BertModel` gives each sentence alone."""
    config = weights.config
    heads, width = config.heads, config.hidden // config.heads
    eps = np.float32(config.layer_norm_eps)
    total = int(sum(lengths))
    if ids.shape != (total,):
        raise ValueError(f"{ids.shape[0]} token ids for sentences of {total} tokens in all")
    runs = _equal_length_runs(lengths)
    positions = np.concatenate([np.arange(length) for length in lengths])

    x = weights.word[ids] + weights.position[positions] + weights.token_type[0]
    x = _layer_norm(x, weights.embed_norm_g, weights.embed_norm_b, eps)
    scale = np.float32(1 / math.sqrt(width))
    context = np.empty((total, config.hidden), dtype=np.float32)

    for layer in weights.layers:
        qkv = x @ layer.qkv_w
        qkv += layer.qkv_b
        for start, count, length in runs:
            end = start + count * length
            # (count*length, 3*hidden) -> three (count, heads, length, width)
            q, k, v = qkv[start:end].reshape(count, length, 3, heads, width).transpose(2, 0, 3, 1, 4)
            scores = (q * scale) @ k.transpose(0, 1, 3, 2)
            attended = _softmax(scores) @ v
            context[start:end] = attended.transpose(0, 2, 1, 3).reshape(count * length, config.hidden)
        out = context @ layer.attn_out_w
        out += layer.attn_out_b
        out += x
        x = _layer_norm(out, layer.attn_norm_g, layer.attn_norm_b, eps)

        up = x @ layer.up_w
        up += layer.up_b
        down = gelu(up) @ layer.down_w
        down += layer.down_b
        down += x
        x = _layer_norm(down, layer.out_norm_g, layer.out_norm_b, eps)
    return x


def _equal_length_runs(lengths: Sequence[int]) -> list[tuple[int, int, int]]:
    """(first token, sentences, length) of each run of neighbouring sentences of one length."""
    runs: list[tuple[int, int, int]] = []
    token = 0
    for length in lengths:
        if length < 1:
            raise ValueError("every sentence needs at least one token")
        if runs and runs[-1][2] == length:
            first, count, _ = runs[-1]
            runs[-1] = (first, count + 1, length)
        else:
            runs.append((token, 1, length))
        token += length
    return runs


def _layer_norm(x: Array, gain: Array, bias: Array, eps: np.float32) -> Array:
    centred: Array = x - x.mean(axis=-1, keepdims=True)
    variance = np.mean(np.square(centred), axis=-1, keepdims=True)
    centred *= 1 / np.sqrt(variance + eps)
    centred *= gain
    centred += bias
    return centred


def _softmax(scores: Array) -> Array:
    scores -= scores.max(axis=-1, keepdims=True)
    np.exp(scores, out=scores)
    scores /= scores.sum(axis=-1, keepdims=True)
    return scores


def gelu(x: Array, block: int = 65536) -> Array:
    """Exact GELU, x * Phi(x) = (x + x * erf(x / sqrt 2)) / 2, in place.

    x * erf(x / sqrt 2) = |x| * (1 - erfc(|x| / sqrt 2)), which needs erfc only for
    z >= 0, where the approximation above holds: no sign test (np.where over a large
    array costs more than all the arithmetic here). The work goes in blocks of `block`
    values through three scratch buffers: they stay in the core's cache, and no
    temporary array the size of `x` is allocated (and page-faulted in) on every call."""
    flat = x.reshape(-1)
    size = min(block, flat.size)
    magnitude, erfc, gauss = (np.empty(size, dtype=np.float32) for _ in range(3))
    a1, a2, a3, a4, a5 = _AS_A
    for start in range(0, flat.size, size):
        part = flat[start : start + size]
        n = part.size
        m, e, g = magnitude[:n], erfc[:n], gauss[:n]
        np.abs(part, out=m)
        np.multiply(m, _AS_P * _INV_SQRT2, out=g)
        g += 1
        np.divide(1, g, out=g)  # t of the approximation
        np.multiply(g, a5, out=e)
        for a in (a4, a3, a2, a1):
            e += a
            e *= g
        np.square(m, out=g)
        g *= np.float32(-0.5)  # -z^2 with z = |x| / sqrt 2
        np.exp(g, out=g)
        e *= g  # erfc(z)
        e *= m
        m -= e  # |x| * erf(|x| / sqrt 2) = x * erf(x / sqrt 2)
        part += m
        part *= np.float32(0.5)
    return x
