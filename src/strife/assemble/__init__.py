"""Assembly: the mentions of one article merged into events, each field with its evidence.

- `drafts`: which mentions make one event (`merge`).
- `builder`: each draft into an Event record with its evidence (`Builder`).
- `actors`: the salient armed groups and the generic nouns that point back to them.

"""

from strife.assemble.builder import Builder, notes
from strife.assemble.drafts import Draft, merge
from strife.assemble.sides import load_anaphora, salient_actors

__all__ = ["Builder", "Draft", "load_anaphora", "merge", "notes", "salient_actors"]
