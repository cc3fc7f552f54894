"""CleanText, and the builder that applies edits to an original text while keeping an offset map."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass


@dataclass(frozen=True)
class Edit:
    """Replace original[start:end] with `replacement`; `reason` names the rule (for removals)."""

    start: int
    end: int
    replacement: str
    reason: str
    removal: bool


@dataclass(frozen=True)
class CleanText:
    """A cleaned article text and the map back to the text as received.

    `offsets` has len(text) + 1 entries: the index in `original` of each cleaned char,
    then the end of the last original region that produced text. `removed` lists the
    dropped spans of the original with their reason; `rewritten` the spans of the
    original whose wording was normalised, with the plain wording that replaced them.
    """

    original: str
    text: str
    offsets: tuple[int, ...]
    removed: tuple[tuple[int, int, str], ...] = ()
    rewritten: tuple[tuple[int, int, str], ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """The span of `original` that the cleaned span text[start:end] came from.

        A span that touches a rewritten phrase widens to the whole original phrase,
        so evidence never points at half of "mentioned".
        """
        if not 0 <= start <= end <= len(self.text):
            raise ValueError(f"span {start}..{end} is outside the cleaned text (length {len(self.text)})")
        if start == end:
            at = self.offsets[start]
            return at, at
        o_start = self.offsets[start]
        o_end = self.offsets[end - 1] + 1
        inside = self._rewrite_at(o_start)
        if inside is not None:
            o_start = inside[0]
        inside = self._rewrite_at(o_end - 1)
        if inside is not None:
            o_end = inside[1]
        return o_start, o_end

    def verbatim(self, index: int) -> bool:
        """Whether cleaned char `index` is the original char at offsets[index], unchanged."""
        at = self.offsets[index]
        return self._rewrite_at(at) is None and not any(s <= at < e for s, e, _ in self.removed)

    def _rewrite_at(self, at: int) -> tuple[int, int, str] | None:
        starts = [s for s, _, _ in self.rewritten]
        i = bisect_right(starts, at) - 1
        if i >= 0 and self.rewritten[i][0] <= at < self.rewritten[i][1]:
            return self.rewritten[i]
        return None


def apply_edits(original: str, edits: list[Edit]) -> CleanText:
    """Build the cleaned text from non-overlapping edits, recording where each char came from.

    A replacement char maps into its replaced phrase (clamped to its last char), so any
    cleaned span maps inside the original region it was made from.
    """
    chars: list[str] = []
    offsets: list[int] = []
    pos = 0
    last_end = 0
    for edit in sorted(edits, key=lambda e: (e.start, e.end)):
        if edit.start < pos:
            raise ValueError(f"overlapping edits at {edit.start}: {edit.reason}")
        chars.extend(original[pos : edit.start])
        offsets.extend(range(pos, edit.start))
        if edit.start > pos:
            last_end = edit.start
        width = max(edit.end - edit.start - 1, 0)
        for k, ch in enumerate(edit.replacement):
            chars.append(ch)
            offsets.append(edit.start + min(k, width))
        if edit.replacement:
            last_end = edit.end
        pos = edit.end
    chars.extend(original[pos:])
    offsets.extend(range(pos, len(original)))
    if pos < len(original):
        last_end = len(original)
    offsets.append(last_end)
    return CleanText(
        original=original,
        text="".join(chars),
        offsets=tuple(offsets),
        removed=tuple((e.start, e.end, e.reason) for e in sorted(edits, key=lambda e: e.start) if e.removal),
        rewritten=tuple(
            (e.start, e.end, e.replacement) for e in sorted(edits, key=lambda e: e.start) if not e.removal
        ),
    )
