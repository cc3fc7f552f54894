"""The numpy all-MiniLM-L6-v2 encoder against figures that sentence-transformers publishes.

sentence-transformers (torch) is not installed here on purpose, so the forward pass is
checked against the outputs printed in its documentation for this very model: the
similarity table and the Manhattan distances of docs/sentence_transformer/usage/
semantic_textual_similarity.rst, and the top-5 scores of examples/.../semantic-search/
README.md. They are printed to 4 decimals; a wrong layer norm, GELU, mask or pooling
moves them by far more than the 1e-3 allowed here.
"""

from __future__ import annotations

import json
import math
import struct
from pathlib import Path

import numpy as np
import pytest

from strife.learn._bert import gelu, read_safetensors
from strife.learn.encoder import SentenceEncoder

TOLERANCE = 1e-3


@pytest.fixture(scope="module")
def encoder() -> SentenceEncoder:
    return SentenceEncoder.load()


def cosine(encoder: SentenceEncoder, a: str, b: str) -> float:
    first, second = encoder.encode([a, b])
    return float(first @ second)


# (sentence, sentence, similarity printed by sentence-transformers for all-MiniLM-L6-v2)
PUBLISHED = [
    # semantic_textual_similarity.rst, model.similarity of two lists
    ("The new movie is awesome", "The dog plays in the garden", 0.0543),
    ("The new movie is awesome", "The new movie is so great", 0.8939),
    ("The new movie is awesome", "A woman watches TV", -0.0502),
    ("The cat sits outside", "The dog plays in the garden", 0.2838),
    ("The cat sits outside", "The new movie is so great", -0.0029),
    ("The cat sits outside", "A woman watches TV", 0.1310),
    ("A man is playing guitar", "The dog plays in the garden", 0.2277),
    ("A man is playing guitar", "The new movie is so great", -0.0136),
    ("A man is playing guitar", "A woman watches TV", -0.0327),
    # semantic_textual_similarity.rst, the similarity matrix of three sentences
    ("The weather is lovely today.", "It's so sunny outside!", 0.6660),
    ("The weather is lovely today.", "He drove to the stadium.", 0.1046),
    ("It's so sunny outside!", "He drove to the stadium.", 0.1411),
    # semantic-search README, scores of the query "A man is eating pasta." and two others
    ("A man is eating pasta.", "A man is eating food.", 0.7035),
    ("A man is eating pasta.", "A man is eating a piece of bread.", 0.5272),
    ("A man is eating pasta.", "A man is riding a horse.", 0.1889),
    ("A man is eating pasta.", "A man is riding a white horse on an enclosed ground.", 0.1047),
    ("A man is eating pasta.", "A cheetah is running behind its prey.", 0.0980),
    ("Someone in a gorilla costume is playing a set of drums.", "A monkey is playing drums.", 0.6433),
    ("Someone in a gorilla costume is playing a set of drums.", "A woman is playing violin.", 0.2564),
    ("A cheetah chases prey on across a field.", "A cheetah is running behind its prey.", 0.8253),
    ("A cheetah chases prey on across a field.", "A man is eating food.", 0.1399),
]


@pytest.mark.parametrize(("a", "b", "expected"), PUBLISHED)
def test_reproduces_published_similarities(encoder: SentenceEncoder, a: str, b: str, expected: float) -> None:
    assert cosine(encoder, a, b) == pytest.approx(expected, abs=TOLERANCE)


def test_reproduces_published_manhattan_distances(encoder: SentenceEncoder) -> None:
    """Whole vectors, not only angles: the doc's Manhattan distances between the embeddings."""
    embeddings = encoder.encode(
        ["The weather is lovely today.", "It's so sunny outside!", "He drove to the stadium."]
    )
    distances = np.abs(embeddings[:, None, :] - embeddings[None, :, :]).sum(axis=-1)
    expected = [[0, 12.6269, 20.2167], [12.6269, 0, 20.1288], [20.2167, 20.1288, 0]]
    np.testing.assert_allclose(distances, expected, atol=0.01)


def test_conflict_paraphrase_scores_far_above_unrelated_news(encoder: SentenceEncoder) -> None:
    killing = "Gunmen killed five villagers on Tuesday"
    assert cosine(encoder, killing, "Armed men shot dead five people in a village") > 0.6
    assert cosine(encoder, killing, "The central bank raised interest rates") < 0.2


def test_rows_are_unit_float32_vectors(encoder: SentenceEncoder) -> None:
    embeddings = encoder.encode(["Troops entered the town.", "", "Aid reached the camp at dawn."])
    assert embeddings.shape == (3, 384)
    assert embeddings.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(embeddings, axis=1), 1.0, atol=1e-5)


def test_empty_input_gives_no_rows(encoder: SentenceEncoder) -> None:
    embeddings = encoder.encode([])
    assert embeddings.shape == (0, 384)
    assert embeddings.dtype == np.float32


def test_order_of_the_batch_does_not_matter(encoder: SentenceEncoder) -> None:
    a, b = (
        "Shelling hit the market on Friday.",
        "Two soldiers were wounded in an ambush near the border post.",
    )
    np.testing.assert_allclose(encoder.encode([a, b]), encoder.encode([b, a])[::-1], atol=1e-5)


def test_padding_to_a_long_neighbour_does_not_matter(encoder: SentenceEncoder) -> None:
    short = "Police arrested three men."
    long = " ".join(["Residents said the fighting went on through the night in several districts."] * 4)
    alone = encoder.encode([short])
    padded = encoder.encode([long, short])[1:]
    np.testing.assert_allclose(alone, padded, atol=1e-5)


def test_tokens_per_pass_do_not_change_results() -> None:
    sentences = [f"Report number {i} said {i + 2} people fled the {'northern ' * i}area." for i in range(7)]
    one_by_one = SentenceEncoder.load(batch_tokens=1, cache_size=0).encode(sentences)
    np.testing.assert_allclose(SentenceEncoder.load(cache_size=0).encode(sentences), one_by_one, atol=1e-5)


def test_a_repeated_text_is_encoded_once_and_remembered() -> None:
    encoder = SentenceEncoder.load(cache_size=2)
    first, again = encoder.encode(["Rebels shelled the port.", "Rebels shelled the port."])
    assert np.array_equal(first, again)
    encoder.encode(["Troops left the base.", "Police fired tear gas."])  # pushes the first text out
    assert list(encoder._cache) == ["Troops left the base.", "Police fired tear gas."]
    np.testing.assert_allclose(encoder.encode(["Rebels shelled the port."])[0], first, atol=1e-6)


def test_input_longer_than_max_tokens_is_truncated(encoder: SentenceEncoder) -> None:
    text = "The convoy moved north. " * 200  # about 1,000 word pieces, past the 128 kept
    longer = text + "The central bank raised interest rates."
    np.testing.assert_allclose(encoder.encode([text]), encoder.encode([longer]), atol=1e-5)


def test_max_tokens_beyond_the_model_limit_is_refused() -> None:
    with pytest.raises(ValueError, match="max_tokens"):
        SentenceEncoder.load(max_tokens=1000)


def test_a_folder_without_the_model_files_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"model\.safetensors"):
        SentenceEncoder.load(tmp_path)


def test_gelu_matches_the_exact_erf_form() -> None:
    x = np.linspace(-10, 10, 20001, dtype=np.float32)
    exact = [0.5 * v * (1 + math.erf(v / math.sqrt(2))) for v in x.astype(np.float64)]
    np.testing.assert_allclose(gelu(x.copy(), block=4096), exact, atol=1e-6)


def test_read_safetensors_reads_a_file_written_by_hand(tmp_path: Path) -> None:
    matrix = np.arange(6, dtype=np.float32).reshape(2, 3)
    header = json.dumps(
        {"__metadata__": {"format": "pt"}, "m": {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}}
    ).encode()
    path = tmp_path / "tiny.safetensors"
    path.write_bytes(struct.pack("<Q", len(header)) + header + matrix.tobytes())
    tensors = read_safetensors(path)
    assert list(tensors) == ["m"]
    np.testing.assert_array_equal(tensors["m"], matrix)
