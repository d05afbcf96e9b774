"""Timeline: which statements restate a position already dated to the day."""
from __future__ import annotations

import pandas as pd
import pytest

from stance.timeline import is_restatement


def _rows(*items):
    return pd.DataFrame([{"holder": holder, "topic": "loan", "stance": stance_name, "date": pd.Timestamp(day),
                          "date_precision": precision} for holder, stance_name, day, precision in items])


@pytest.mark.parametrize("retelling, expected", [
    (("merz", "support", "2025-10-21", "week"), True),     # "last week he backed it": that Wednesday's position
    (("merz", "support", "2025-10-01", "month"), True),    # "earlier this month": the same
    (("merz", "oppose", "2025-10-21", "week"), False),     # a different stance that week is news
    (("merz", "support", "2025-10-14", "week"), False),    # the week before: not the same position
    (("scholz", "support", "2025-10-21", "week"), False),  # another holder's
    (("merz", "support", "2025-10-23", "doc"), False),     # only week and month dates are representative days
], ids=["same-week", "same-month", "other-stance", "other-week", "other-holder", "doc-date"])
def test_period_dated_statement_repeating_a_dated_one_is_a_restatement(retelling, expected):
    rows = _rows(("merz", "support", "2025-10-22", "day"), retelling)
    assert is_restatement(rows).tolist() == [False, expected]


def test_without_date_precisions_nothing_is_a_restatement():
    rows = _rows(("merz", "support", "2025-10-22", "day")).drop(columns="date_precision")
    assert not is_restatement(rows).any()


def _glossed(*items):
    from stance.timeline import place_glosses
    rows = pd.DataFrame([{"doc_id": doc_id, "holder": "merz", "topic": "loan", "stance": stance_name,
                          "date": pd.Timestamp(day), "date_precision": precision}
                         for doc_id, stance_name, day, precision in items])
    return place_glosses(rows)["date"].dt.strftime("%m-%d").tolist()


@pytest.mark.parametrize("items, expected", [
    # "Merz backed the loan on Tuesday ... He has long wanted it": the gloss goes to Tuesday
    ([("a", "support", "2025-10-21", "day"), ("a", "support", "2025-10-24", "doc")], ["10-21", "10-21"]),
    # two dated days: the gloss goes to the one it agrees with
    ([("a", "oppose", "2025-10-14", "day"), ("a", "support", "2025-10-21", "day"),
      ("a", "oppose", "2025-10-24", "doc")], ["10-14", "10-21", "10-14"]),
    # agreeing with none: the latest dated day
    ([("a", "oppose", "2025-10-14", "day"), ("a", "support", "2025-10-21", "day"),
      ("a", "open", "2025-10-24", "doc")], ["10-14", "10-21", "10-21"]),
    # a week-dated position dates the article too
    ([("a", "support", "2025-10-20", "week"), ("a", "support", "2025-10-24", "doc")], ["10-20", "10-20"]),
    # another article's dated position does not
    ([("a", "support", "2025-10-21", "day"), ("b", "support", "2025-10-24", "doc")], ["10-21", "10-24"]),
], ids=["same-stance", "agreeing-day", "latest-day", "week", "other-article"])
def test_an_undated_statement_glosses_the_position_its_article_dates(items, expected):
    assert _glossed(*items) == expected
