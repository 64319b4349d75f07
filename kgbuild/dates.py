"""Dates as written ("Thursday", "last year", "in September") → ISO 8601, against the article's date.

News dates are relative to the day the article was written: "Thursday" is the
last Thursday on or before it, "September" the last September. Without an
article date only absolute dates ("5 March 2015", "2011") are normalised.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import re
from datetime import date, datetime

from dateutil import parser as date_parser

WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
RELATIVE_DAYS = {"today": 0, "yesterday": -1, "tomorrow": 1, "tonight": 0, "this morning": 0, "last night": -1}


def parse_reference(value: str | None) -> dt.date | None:
    """The article date from an ISO string (or anything dateutil reads); None when absent or unreadable."""
    if not value:
        return None
    try:
        return date_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        return None


def normalize_date(text: str, reference: dt.date | None = None) -> str | None:
    """The ISO 8601 value of a date expression: YYYY-MM-DD, YYYY-MM or YYYY; None when unsure.

    Parameters
    ----------
    text : str
        The date as written.
    reference : date, optional
        The article's date.

    Returns
    -------
    str or None

    Example
    -------
    >>> normalize_date("Thursday", dt.date(2011, 10, 21))
    '2011-10-20'
    >>> normalize_date("in September", dt.date(2011, 10, 21))
    '2011-09'
    >>> normalize_date("5 March 2015")
    '2015-03-05'
    """
    words = re.sub(r"[^\w\s-]", " ", text.lower()).split()
    words = [w for w in words if w not in ("in", "on", "at", "the", "of", "since", "by", "during", "early", "late")]
    phrase = " ".join(words)
    if not phrase:
        return None
    if re.fullmatch(r"(1[5-9]|20)\d\d", phrase):
        return phrase
    if reference is not None:
        if phrase in RELATIVE_DAYS:
            return (reference + dt.timedelta(days=RELATIVE_DAYS[phrase])).isoformat()
        if phrase in ("this year",):
            return f"{reference.year}"
        if phrase == "last year":
            return f"{reference.year - 1}"
        if phrase == "next year":
            return f"{reference.year + 1}"
        day = next((w for w in words if w in WEEKDAYS), None)
        if day is not None and len(words) <= 2 and not re.search(r"\d", phrase):
            back = (reference.weekday() - WEEKDAYS.index(day)) % 7
            if "next" in words:
                return (reference + dt.timedelta(days=(WEEKDAYS.index(day) - reference.weekday()) % 7 or 7)).isoformat()
            return (reference - dt.timedelta(days=back)).isoformat()
        if len(words) <= 2 and words[-1] in MONTHS and not re.search(r"\d", phrase):
            month = MONTHS.index(words[-1]) + 1
            year = reference.year if month <= reference.month else reference.year - 1
            if "next" in words:
                year = reference.year if month > reference.month else reference.year + 1
            return f"{year}-{month:02d}"
    if not re.search(r"\d", phrase) or not any(m in phrase for m in MONTHS + [m[:3] for m in MONTHS]) and not re.search(r"\d{4}-\d\d-\d\d", phrase):
        return None
    default = dt.datetime(reference.year if reference else 1900, 1, 1)
    try:
        parsed = date_parser.parse(phrase, default=default, fuzzy=False)
    except (ValueError, OverflowError):
        return None
    has_year = re.search(r"\b(1[5-9]|20)\d\d\b", phrase)
    if not has_year and reference is None:
        return None
    has_day = re.search(r"\b\d{1,2}(st|nd|rd|th)?\b", phrase)
    return parsed.date().isoformat() if has_day else f"{parsed.year}-{parsed.month:02d}"


# ------------------------------------------------------------------ dates

_ISO = re.compile(r"(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)")
_DAY_MON_YEAR = re.compile(r"(?P<d>\d{1,2})-(?P<m>[A-Za-z]{3})-(?P<y>\d{4})(?!\d)")
_MONTHS = {m: str(i) for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_DATE_FORMATS = ("%Y-%m-%d", "%d-%b-%Y", "%d %b %Y", "%d %B %Y", "%B %d, %Y", "%b %d, %Y", "%Y/%m/%d", "%Y%m%d")


def iso_date(value: object) -> str | None:
    """An ISO ``YYYY-MM-DD`` date from a date string in a common format, or None.

    Example
    -------
    >>> iso_date("26-FEB-1987 15:01:01.79"), iso_date("2015-04-01T10:00:00Z"), iso_date("yesterday")
    ('1987-02-26', '2015-04-01', None)
    """
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()[:100]
    match = _ISO.match(text) or _DAY_MON_YEAR.match(text)
    if match:  # the common cases, without trying every format
        day, month, year = (match["d"], match["m"], match["y"])
        month = _MONTHS.get(month.lower()[:3], month)
        try:
            return date(int(year), int(month), int(day)).isoformat()
        except ValueError:
            return None
    candidates = (text[:10], text.split()[0], text.split(" ", 1)[0].rstrip(","), " ".join(text.split()[:3]), text)
    for fmt in _DATE_FORMATS:
        for candidate in candidates:
            try:
                return datetime.strptime(candidate, fmt).date().isoformat()
            except ValueError:
                continue
    try:
        return email.utils.parsedate_to_datetime(text).date().isoformat()
    except (TypeError, ValueError, IndexError):
        return None
