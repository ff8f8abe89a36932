"""The ``write`` stage: the content blocks as plain text (paragraphs, list items, table rows)."""

from __future__ import annotations

from dataclasses import dataclass

from bs4 import Tag

from ingest.extract.dom import normalize_space, walk, words

_BLOCK_TAGS = words(
    "address article aside blockquote body caption center dd details div dl dt fieldset "
    "figcaption figure footer h1 h2 h3 h4 h5 h6 header hgroup hr legend li main nav ol p "
    "pre section summary table tbody tfoot thead ul"
)
_CELL = "\x1f"


_LAYOUT_CELL_CONTENT = ["p", "div", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6"]


def _is_layout_row(row: Tag) -> bool:
    """A table row used for page layout: its cells hold paragraphs, lists or tables."""
    return any(
        cell.find(_LAYOUT_CELL_CONTENT) is not None
        for cell in row.find_all(["td", "th"], recursive=False)
    )


@dataclass
class _Block:
    kind: str  # "p", "li" or "row"
    text: str


class _TextWriter:
    """Collects inline text and cuts it into blocks at block-level boundaries."""

    def __init__(self) -> None:
        self.blocks: list[_Block] = []
        self._buffer: list[str] = []
        self._rows = 0  # > 0 while inside a data-table row: block boundaries become spaces
        self._row_kinds: list[bool] = []  # open <tr>s: True for data rows, False for layout

    def text(self, value: str) -> None:
        self._buffer.append(value)

    def open(self, tag: Tag) -> None:
        if tag.name == "tr":
            data = not _is_layout_row(tag)
            self._row_kinds.append(data)
            if data:
                self.flush("row" if self._rows else "p")
                self._rows += 1
            else:
                self.cut()
        elif tag.name in ("td", "th") and self._in_data_row():
            self._buffer.append(_CELL)
        elif tag.name == "li":
            self.cut("li" if tag.find_parent("li") else "p")  # an unclosed <li> nests the next
        elif tag.name in _BLOCK_TAGS or tag.name in ("br", "td", "th"):
            self.cut()

    def close(self, tag: Tag) -> None:
        if tag.name == "tr":
            if self._row_kinds and self._row_kinds.pop():
                self._rows -= 1
                self.flush("row")
            else:
                self.cut()
        elif tag.name in ("td", "th") and self._in_data_row():
            self._buffer.append(_CELL)
        elif tag.name == "li":
            self.cut("li")
        elif tag.name in _BLOCK_TAGS or tag.name in ("td", "th"):
            self.cut()

    def _in_data_row(self) -> bool:
        return bool(self._row_kinds) and self._row_kinds[-1]

    def cut(self, kind: str = "p") -> None:
        if self._rows:
            self._buffer.append(" ")
        else:
            self.flush(kind)

    def flush(self, kind: str = "p") -> None:
        raw = "".join(self._buffer)
        self._buffer = []
        cells = [normalize_space(cell) for cell in raw.split(_CELL)]
        text = " | ".join(cell for cell in cells if cell)
        if text:
            self.blocks.append(_Block(kind if _CELL not in raw or kind == "row" else "row", text))

    def result(self) -> str:
        self.flush()
        parts: list[str] = []
        previous: _Block | None = None
        for block in self.blocks:
            if previous is not None:
                same_list = previous.kind == block.kind and block.kind in ("li", "row")
                parts.append("\n" if same_list else "\n\n")
            parts.append(block.text)
            previous = block
        return "".join(parts)


def to_text(*roots: Tag) -> str:
    """The text of ``roots`` with paragraph structure (see the :mod:`ingest.extract` docstring)."""
    writer = _TextWriter()
    for root in roots:
        for event, node in walk(root):
            if event == "text":
                writer.text(str(node))
            elif event == "open":
                writer.open(node)  # type: ignore[arg-type]
            else:
                writer.close(node)  # type: ignore[arg-type]
        writer.flush()
    return writer.result()
