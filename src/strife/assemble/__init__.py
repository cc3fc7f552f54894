"""Assembly: the mentions of one article merged into events, each field with its evidence.

- `drafts`: which mentions make one event (`merge`).
- `builder`: each draft into an Event record with its evidence (`Builder`).
- `actors`: the salient armed groups and the generic nouns that point back to them.

Merge order matters: mentions are taken in text order, so the first (usually the
lead) founds an event and later ones add detail. A mention joins an event of the
same type when their places, dates and actors do not conflict. A violent
mention that could not be typed on its own ("both sides claim to have killed
dozens") only lends its figures and claims to the violent event it belongs to.
Within one sentence, a killing is part of the bombing or the clash it names.
"""

from strife.assemble.actors import load_anaphora, salient_actors
from strife.assemble.builder import Builder, notes
from strife.assemble.drafts import Draft, merge

__all__ = ["Builder", "Draft", "load_anaphora", "merge", "notes", "salient_actors"]
