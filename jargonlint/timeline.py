"""The timestamped entries of an update thread: a status-page history ("Resolved - ..." then
"Nov 25, 14:05 UTC"), bracketed updates ("[Update - 2023-03-29 15h50 UTC]"), Markdown headings
with a date or time, bold timestamp lines, or e-mail "Date:" headers of a thread.

A timestamp counts only where it stands as an entry's label (a heading, a bracket, a line of
its own, a status label); times inside sentences and bullet-list timelines of a postmortem are
not updates the reader received. Times without a year or date borrow them from the nearest
dated entry (only the gaps between entries matter).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from . import elements

_MONTHS = {m: i + 1 for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"))}
# zone names are capitals even where the rest of a pattern ignores case ("14:05 UTC", not "14:05 we")
_ZONE = r"(?:\s?(?P<zone>(?-i:UTC|GMT|Z|[A-Z]{2,4}T?)(?![\w'])|[+-]\d{2}:?\d{2}))?"
_CLOCK = r"(?P<hour>\d{1,2})[:h.](?P<minute>\d{2})(?::\d{2})?(?:\s?(?P<ampm>[AaPp]\.?[Mm]\.?))?"
_MONTH = r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_ANY_CLOCK = re.compile(r"\d[:h.]\d\d")
# one pattern per timestamp shape (Python patterns cannot reuse group names across "|")
STAMPS = (
    ("iso", re.compile(rf"(?P<year>\d{{4}})-(?P<mon>\d{{2}})-(?P<day>\d{{2}})(?:[T ,]+|\s+at\s+){_CLOCK}{_ZONE}")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>\d{{4}}))?"
                       rf"(?:,|\s+-|\s+at)?\s+{_CLOCK}{_ZONE}", re.IGNORECASE)),
    ("dmy", re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH}(?:\s+(?P<year>\d{{4}}))?,?\s+"
                       rf"(?:at\s+)?{_CLOCK}{_ZONE}", re.IGNORECASE)),
    ("bare", re.compile(rf"(?<![\d:.-]){_CLOCK}{_ZONE}(?![\d:])")),
)


def find_stamps(text: str, start: int = 0, end: int | None = None) -> list[tuple[str, re.Match]]:
    """Timestamps in document order; where shapes overlap, the fuller one (listed first) wins."""
    end = len(text) if end is None else end
    found: list[tuple[str, re.Match]] = []
    taken: list[tuple[int, int]] = []
    # every timestamp holds a clock time and fits on one line: look only at lines with one
    lines = sorted({_line(text, m.start()) for m in _ANY_CLOCK.finditer(text, start, end)})
    for shape, pattern in STAMPS:
        for match in (m for line_start, line_end in lines
                      for m in pattern.finditer(text, max(start, line_start), min(end, line_end))):
            if all(match.end() <= s or match.start() >= e for s, e in taken):
                found.append((shape, match))
                taken.append(match.span())
    return sorted(found, key=lambda item: item[1].start())


_STATUS_LABEL = re.compile(
    r"^\W*(?:resolved|update[sd]?|monitoring|identified|investigating|scheduled|in progress|completed|"
    r"posted|verifying|initial message|final message)\b", re.IGNORECASE)
_BULLET = re.compile(r"^\s*(?:[-*+\u2022]|\d{1,3}[.)])\s")
_LABEL_CHARS = " \t*_#[]()>|-:\u2013\u2014"


@dataclass(frozen=True)
class Entry:
    start: int                  # the timestamp's offsets in the text
    end: int
    time: datetime              # naive, UTC where a zone was given
    stamp: str                  # the timestamp as written
    body_start: int             # the entry's text (its message)
    body_end: int
    resolved: bool = False


def _time(shape: str, match: re.Match, base: datetime | None) -> datetime | None:
    g = match.groupdict()
    hour, minute = int(g["hour"]), int(g["minute"])
    if g["ampm"]:
        pm = g["ampm"].lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    if hour > 23 or minute > 59:
        return None
    try:
        if shape == "iso":
            day = datetime(int(g["year"]), int(g["mon"]), int(g["day"]))
        elif shape in ("mdy", "dmy"):
            month = _MONTHS[g["month"][:3].lower()]
            year = int(g["year"]) if g["year"] else (base.year if base else 2000)
            day = datetime(year, month, int(g["day"]))
        else:
            day = datetime(base.year, base.month, base.day) if base else datetime(2000, 1, 1)
    except ValueError:
        return None
    moment = day.replace(hour=hour, minute=minute)
    zone = (g["zone"] or "").upper()
    if zone and (zone[0] in "+-"):
        sign = 1 if zone[0] == "+" else -1
        digits = zone[1:].replace(":", "")
        moment -= sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:]))
    return moment


def _line(text: str, offset: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return start, len(text) if end < 0 else end


def _is_label(text: str, match: re.Match) -> tuple[bool, bool]:
    """(is an entry label, its message comes before it): the timestamp is a line of its own, a
    heading, a bracketed label, or follows a status word; not a bullet or running text."""
    start, end = _line(text, match.start())
    line = text[start:end]
    if _BULLET.match(line) and not _STATUS_LABEL.match(line.lstrip(" -*+")):
        return False, False
    before = text[start:match.start()].strip(_LABEL_CHARS)
    after = text[match.end():end].strip(_LABEL_CHARS)
    alone = not before and not after
    if alone:
        previous_end = start - 1
        while previous_end > 0 and text[previous_end - 1] == "\n":
            previous_end -= 1
        prev_start = text.rfind("\n", 0, max(previous_end, 0)) + 1
        previous = text[prev_start:previous_end]
        trailing = bool(_STATUS_LABEL.match(previous)) and not _STATUS_LABEL.match(line)
        return True, trailing
    stripped = line.lstrip()
    if stripped.startswith(("#", "[")) or (stripped.startswith(("**", "__")) and match.start() - start < 8):
        return True, False
    if _STATUS_LABEL.match(line) and len(before) <= 30:
        return True, False
    if re.match(r"^(?:date|posted|updated|sent)\s*:?\s*$", before, re.IGNORECASE):
        return True, False
    return False, False


def _mail_dates(text: str) -> list[tuple[int, int, datetime, str]]:
    found = []
    for m in re.finditer(r"^Date:[ \t]*(.+)$", text, re.MULTILINE):
        try:
            moment = parsedate_to_datetime(m.group(1).strip())
        except (TypeError, ValueError, IndexError):
            continue
        if moment is None:
            continue
        if moment.tzinfo is not None:
            moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
        found.append((m.start(1), m.end(1), moment, m.group(1).strip()))
    return found


@functools.lru_cache(maxsize=8)
def entries(text: str) -> tuple[Entry, ...]:
    """The thread's entries in document order (a single timestamp is not a thread: ()).
    Cached: several rules ask about the same text."""
    clocks = _ANY_CLOCK.finditer(text)
    if next(clocks, None) is None or next(clocks, None) is None:
        return ()  # a thread needs two times
    raw: list[tuple[int, int, datetime, str, bool]] = []
    base: datetime | None = None
    for shape, match in find_stamps(text):
        is_label, trailing = _is_label(text, match)
        if not is_label:
            continue
        moment = _time(shape, match, base)
        if moment is None:
            continue
        if shape != "bare":
            base = moment
        raw.append((match.start(), match.end(), moment, match.group(0).strip(), trailing))
    if not raw:
        raw = [(s, e, t, w, False) for s, e, t, w in _mail_dates(text)]
    if len(raw) < 2:
        return ()
    result = []
    for i, (start, end, moment, stamp, trailing) in enumerate(raw):
        if trailing:
            body_start = raw[i - 1][1] if i else 0
            body_end = start
        else:
            body_start = _line(text, start)[0]
            body_end = _line(text, raw[i + 1][0])[0] if i + 1 < len(raw) else len(text)
        resolved = bool(elements.resolved_spans(text, body_start, body_end))
        result.append(Entry(start, end, moment, stamp, body_start, body_end, resolved))
    return tuple(result)


def promised_minutes(text: str, entry: Entry) -> float | None:
    """The interval the entry promised for the next update ("next update in 30 minutes",
    "next update at 15:00"), in minutes, or None."""
    for sentence in re.split(r"(?<=[.!?\n])\s+", text[entry.body_start:entry.body_end]):
        if not elements.present("next_update_promise", sentence):
            continue
        amount = re.search(r"(?:in|within|every)\s+(?:the next\s+)?(\d+|an?|one|two|half an)\s+"
                           r"(minutes?|mins?|hours?|hrs?)",
                           sentence, re.IGNORECASE)
        if amount:
            number = {"a": 1, "an": 1, "one": 1, "two": 2, "half an": 0.5}.get(amount.group(1).lower())
            value = float(number if number is not None else amount.group(1))
            return value * (60 if amount.group(2).lower().startswith("h") else 1)
        stamps = find_stamps(sentence)
        if stamps:
            moment = _time(stamps[0][0], stamps[0][1], entry.time)
            if moment is not None:
                minutes = (moment - entry.time).total_seconds() / 60
                return minutes + 24 * 60 if minutes <= 0 else minutes
    return None
