"""The eval's tables: per category and per kind for each question set and backend, and the
sets side by side per kind (dev and the frozen test)."""

from __future__ import annotations

from assistant.app.evaluate import BackendReport, Scores, by_category, by_kind

DASH = f"{'-':>6}"


def format_table(rows: dict[str, Scores], title: str) -> str:
    head = (
        f"{title:<22} {'n':>4} {'hit@1':>6} {'hit@5':>6} {'MRR':>6} {'acc':>6} {'first':>6}"
        f" {'decl':>6} {'chars':>6} {'p50ms':>7}"
    )
    lines = [head, "-" * len(head)]
    dash = f"{'-':>6}"
    for name, s in rows.items():
        decline = f"{s.decline:6.0%}" if s.unanswerable else dash
        hits = (
            f"{s.hit1:6.0%} {s.hit5:6.0%} {s.mrr:6.2f}"
            if s.retrieved_n
            else f"{dash} {dash} {dash}"
        )
        accuracy = f"{s.accuracy:6.0%}" if s.answerable else dash
        first = f"{s.first:6.0%}" if s.first_n else dash
        chars = f"{s.median_chars:6.0f}" if s.answerable else dash
        lines.append(
            f"{name:<22} {s.n:>4} {hits} {accuracy} {first} {decline} {chars} {s.p50_ms:7.0f}"
        )
    return "\n".join(lines)


def format_report(
    report: dict[str, BackendReport], title: str, embedder: str, *, verbose: bool = False
) -> str:
    blocks = []
    for name, backend in report.items():
        rows = {**by_category(backend.results), "ALL": backend.overall}
        kinds = {**by_kind(backend.results), "ALL": backend.overall}
        lines = [
            f"\n{title} - backend {name} - embedder {embedder}",
            format_table(rows, "category"),
            "",
            format_table(kinds, "kind"),
        ]
        if verbose:
            lines += [
                f"  x {r.question.id} [{r.question.category}] {r.question.question!r} -> "
                f"grounded={r.answer.grounded} rank={r.rank}: {r.answer.answer[:160]!r}"
                for r in backend.results
                if not r.correct
            ]
        blocks.append("\n".join(lines))
    return "\n".join(blocks)


def _cells(s: Scores | None) -> str:
    if s is None:
        return f"{'':>4} {DASH} {DASH} {DASH}"
    accuracy = f"{s.accuracy:6.0%}" if s.answerable else DASH
    first = f"{s.first:6.0%}" if s.first_n else DASH
    decline = f"{s.decline:6.0%}" if s.unanswerable else DASH
    return f"{s.n:>4} {accuracy} {first} {decline}"


def side_by_side(sets: dict[str, BackendReport]) -> str:
    """Each question set's accuracy, answer-first and declines per kind, in columns."""
    kinds = {name: {**by_kind(r.results), "ALL": r.overall} for name, r in sets.items()}
    rows = sorted({k for table in kinds.values() for k in table} - {"ALL"}) + ["ALL"]
    head = f"{'':<10}" + "".join(f" | {name[:25]:<25}" for name in sets)
    sub = f"{'kind':<10}" + "".join(
        f" | {'n':>4} {'acc':>6} {'first':>6} {'decl':>6}" for _ in sets
    )
    lines = [head, sub, "-" * len(sub)]
    for kind in rows:
        lines.append(
            f"{kind:<10}" + "".join(f" | {_cells(table.get(kind))}" for table in kinds.values())
        )
    return "\n".join(lines)
