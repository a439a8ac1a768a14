"""Character offsets <-> 1-based line:column, shared by the linter and the suppression stage."""
from __future__ import annotations

import bisect


class LineIndex:
    """Offsets -> 1-based (line, column), by binary search over line starts."""

    def __init__(self, text: str):
        self.starts = [0]
        position = text.find("\n")
        while position >= 0:
            self.starts.append(position + 1)
            position = text.find("\n", position + 1)

    def locate(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self.starts, offset) - 1
        return line + 1, offset - self.starts[line] + 1

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self.starts, offset)

    def line_span(self, line: int, length: int) -> tuple[int, int]:
        """Start and end offsets of 1-based `line` (end excludes the line break)."""
        start = self.starts[line - 1]
        end = self.starts[line] - 1 if line < len(self.starts) else length
        return start, end
