from pathlib import Path

from strife.ingest import read_inputs
from strife.pipeline.runner import run


def test_two_workers_give_the_same_output_as_one(examples_dir: Path) -> None:
    def coded(workers: int) -> list[tuple[str | None, list[dict]]]:
        outcomes = run(read_inputs([examples_dir]), workers=workers, chunk_size=4)
        return [(o.article.id if o.article else None, [e.to_dict() for e in o.events]) for o in outcomes]

    one = coded(1)
    assert sum(len(events) for _, events in one) > 10
    assert coded(2) == one
