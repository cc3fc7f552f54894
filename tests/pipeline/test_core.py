from datetime import date

from strife.pipeline import Pipeline, Work
from strife.records import Article, Event, Rejection


class Tag:
    name = "tag"

    def __call__(self, work: Work) -> Work:
        work.events.append(
            Event(event_id=f"{work.article.id}#1", event_type="Battles", sub_event_type="Armed clash")
        )
        return work


class Explode:
    name = "explode"

    def __call__(self, work: Work) -> Work:
        if "boom" in work.article.text:
            raise RuntimeError("cannot handle this text")
        return work


def _articles() -> list[Article | Rejection]:
    return [
        Article("a", "fine text", date(2024, 1, 1)),
        Article("b", "boom text", date(2024, 1, 1)),
        Rejection("bad.bin", "read", "binary file"),
        Article("c", "more fine text", None),
    ]


def test_failing_article_becomes_rejection_and_batch_goes_on() -> None:
    outcomes = list(Pipeline([Explode(), Tag()], batch_size=2).run(_articles()))
    assert [o.article.id if o.article else None for o in outcomes] == ["a", "b", None, "c"]
    failed = outcomes[1].rejection
    assert failed is not None and failed.stage == "explode" and "cannot handle" in failed.reason
    assert [len(o.events) for o in outcomes] == [1, 0, 0, 1]


def test_input_rejections_pass_through() -> None:
    outcomes = list(Pipeline([Tag()]).run(_articles()))
    assert outcomes[2].rejection == Rejection("bad.bin", "read", "binary file")


def test_skip_stops_later_stages() -> None:
    class Skip:
        name = "skip"

        def __call__(self, work: Work) -> Work:
            work.skip = "not relevant"
            return work

    outcome = Pipeline([Skip(), Tag()])(Article("a", "text"))
    assert outcome.events == () and outcome.rejection is None
