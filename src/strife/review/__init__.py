"""The analyst in the loop: corrections, decisions and regroupings kept beside the machine's
records and applied on top of them after every merge, with an audit trail, and exported as gold
files and training examples that teach the coder.

    from strife.review import Review
    Review(store).correct(event_id, {"fatalities": 12}, reviewer="amina", reason="the hospital's count")
"""

from strife.review.actions import Review
from strife.review.fields import EDITABLE, REJECT_CATEGORIES, ReviewError, UnknownEvent, taxonomy
from strife.review.overlay import reapply

__all__ = ["EDITABLE", "REJECT_CATEGORIES", "Review", "ReviewError", "UnknownEvent", "reapply", "taxonomy"]
