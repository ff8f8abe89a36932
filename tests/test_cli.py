"""The CLI contracts, through click's runner, on a real index."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.app.cli import cli
from assistant.services.contract import AskResponse

pytestmark = pytest.mark.slow  # the real embedder and index


def run(data: Path, *args: str, stdin: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, ["--data-dir", str(data), *args], input=stdin)
    return result.exit_code, result.stdout, result.stderr


def test_ask_readable(built_index: Path) -> None:
    code, out, _ = run(built_index, "ask", "How many hospitals does AP-HP have?")
    assert code == 0
    assert "39" in out and "Sources:" in out and "[1]" in out


def test_ask_json_contract(built_index: Path) -> None:
    code, out, _ = run(built_index, "ask", "--json", "Who runs high-field neuroimaging?")
    assert code == 0
    answer = json.loads(out)
    # the original contract, extended only by added keys (outside tools rely on it)
    assert {"id", "answer", "grounded", "sources", "timings_ms"} <= set(answer)
    assert AskResponse.model_validate(answer).model_dump() == answer
    assert answer["grounded"] is True and "NeuroSpin" in answer["answer"]
    assert answer["cited"] and answer["backend"] == "extractive" and answer["language"] == "en"
    source = answer["sources"][0]
    assert {"n", "title", "url", "text", "score", "metadata"} <= set(source)
    assert source["n"] == 1 and isinstance(source["score"], float)
    assert set(answer["timings_ms"]) == {"retrieve", "generate", "total"}


def test_ask_jsonl_contract(built_index: Path) -> None:
    lines = [
        {"id": "a", "question": "Who is the CEO of Medicen?"},
        "this is not json",
        {
            "id": "b",
            "question": "When was he appointed?",
            "history": [
                {"role": "user", "content": "Who is the CEO of Medicen?"},
                {"role": "assistant", "content": "Stéphane Roques is the CEO of Medicen."},
            ],
        },
        {"id": "c", "question": ""},
        {"id": "d", "question": "How do I cook ratatouille?"},
        {"id": "e", "question": "x", "history": [{"role": "robot", "content": "hi"}]},
    ]
    stdin = "\n".join(x if isinstance(x, str) else json.dumps(x) for x in lines) + "\n"
    code, out, _ = run(built_index, "ask", "--jsonl", stdin=stdin)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r.get("id") for r in rows] == ["a", None, "b", "c", "d", "e"]
    assert rows[0]["grounded"] and "Roques" in rows[0]["answer"]
    assert "error" in rows[1] and "invalid JSON" in rows[1]["error"]
    third = rows[2]["answer"]
    assert rows[2]["grounded"] and ("July" in third or "two months" in third)
    assert "error" in rows[3] and "error" in rows[5]
    assert rows[4]["grounded"] is False and rows[4]["sources"]


def test_ask_filters(built_index: Path) -> None:
    code, out, _ = run(
        built_index,
        "ask",
        "--json",
        "--filter",
        "type=organisation",
        "Which incubators host e-health projects?",
    )
    assert code == 0
    sources = json.loads(out)["sources"]
    assert sources and all(s["metadata"]["type"] == "organisation" for s in sources)
    code, _, err = run(built_index, "ask", "--filter", "colour=blue", "anything")
    assert code != 0 and "unknown filter 'colour'" in err and "Traceback" not in err


def test_ask_builds_an_empty_index(tmp_path: Path) -> None:
    code, out, err = run(tmp_path, "ask", "What is SUMIL?")
    assert code == 0
    assert "index is empty" in err
    assert "SUMIL" in out


def test_ingest_summary_and_sources(tmp_path: Path, corpus_copy: Path) -> None:
    args = ("--corpus-dir", str(corpus_copy))
    code, out, _ = run(tmp_path, *args, "ingest")
    assert code == 0 and "3 added" in out
    code, out, _ = run(tmp_path, *args, "ingest")
    assert code == 0 and "3 unchanged" in out and "nothing re-embedded" in out
    code, out, _ = run(tmp_path, *args, "sources")
    assert code == 0 and "organisations" in out and "unchanged" in out
    bad = tmp_path / "bad.csv"
    bad.write_text("name,acronym\nOnly,two,fields,too,many\n", encoding="utf-8")
    code, out, _ = run(tmp_path, *args, "ingest", "--file", str(bad))
    assert code == 1 and "failed" in out


def test_bad_settings_are_one_line(tmp_path: Path) -> None:
    code, _, err = run(tmp_path, "--chroma-url", "ftp://nowhere", "ask", "x")
    assert code != 0 and "CHROMA_URL" in err and "Traceback" not in err


def test_bench_reports_measures_against_baselines(tmp_path: Path) -> None:
    data = tmp_path / "untouched"
    code, out, err = run(data, "bench", "--limit", "3", "--no-compare-embedder", "--json")
    assert code == 0, err
    measures = {m["name"]: m for m in json.loads(out)["measures"]}
    assert measures["chunks embedded (nothing changed)"]["value"] == 0
    assert measures["chunks embedded (nothing changed)"]["baseline"] > 0
    for name in ("ingest nothing changed", "keyword p50 (tantivy)", "retrieve p50 (hybrid + RRF)"):
        m = measures[name]
        assert m["value"] > 0 and m["baseline"] > 0 and m["baseline_name"]
        assert m["ratio"] == m["value"] / m["baseline"]
    assert measures["answer p50 (extractive)"]["baseline_name"] == "retrieve"
    assert measures["peak memory (RSS)"]["value"] > 0
    assert not data.exists()  # it ran in a temporary data directory


def test_bench_scale_smoke(tmp_path: Path) -> None:
    """`bench --scale 1000 --json`: one complete, sane row per size (no timing asserted)."""
    from assistant.app.bench.scale import KEYS

    data = tmp_path / "untouched"
    plot = tmp_path / "latency.png"
    code, out, err = run(data, "bench", "--scale", "1000", "--json", "--plot", str(plot))
    assert code == 0, err
    result = json.loads(out)
    (row,) = result["sizes"]
    assert row["chunks"] == 1000
    for key in KEYS:
        assert isinstance(row[key], float) and 0 < row[key] < 1e6, (key, row[key])
    assert row["retrieve_p95_ms"] >= row["retrieve_p50_ms"]
    ingest = result["ingest"]
    assert ingest["chunks"] > 0 and ingest["chunks"] == ingest["embed_only_chunks"]
    assert ingest["ingest_chunks_per_s"] > 0 and ingest["embed_only_chunks_per_s"] > 0
    assert plot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert not data.exists()


def test_bench_scale_refuses_bad_sizes(tmp_path: Path) -> None:
    code, _, err = run(tmp_path, "bench", "--scale", "ten")
    assert code != 0 and "sizes are numbers" in err


def test_ingest_file_ids_limits_and_refusals(tmp_path: Path) -> None:
    """`ingest --file`: a second file with the same stem is a new source with its own id; a
    binary file, a file over the size limit and a symbolic link out of its folder are refused
    on one line each, and the other files of the command still go through (exit status 1)."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "notes.txt").write_text("Zorblatt Institute runs a biobank in Evry.\n", "utf-8")
    (folder / "notes.md").write_text(
        "# Notes\n\nQuuxmed builds insulin pumps in Pantin.\n", "utf-8"
    )
    (folder / "tool.txt").write_bytes(b"\x7fELF\x02\x01\x01" + bytes(1000))
    (folder / "big.txt").write_text("Genopole is a biocluster in Evry. " * 100, "utf-8")
    (folder / "link.txt").symlink_to("/etc/passwd")
    data = tmp_path / "data"
    code, out, _ = run(data, "ingest", "--file", str(folder / "notes.txt"))
    assert code == 0 and "added     notes: 1 chunk" in out
    files = [str(folder / name) for name in ("notes.md", "tool.txt", "big.txt", "link.txt")]
    result = CliRunner().invoke(
        cli,
        ["--data-dir", str(data), "ingest", *[a for f in files for a in ("--file", f)]],
        env={"PARIS_HEALTH_MAX_UPLOAD_BYTES": "2048"},
    )
    lines = result.stdout.splitlines()
    assert result.exit_code == 1
    assert "  added     notes-2: 1 chunk, 1 embedded (the id 'notes' is another source's)" in lines
    assert (
        "  failed    tool: tool.txt looks like a binary file, not text (an ELF executable): "
        "not added" in lines
    )
    assert "  failed    big: big.txt is too large (3,400 bytes, at most 2,048)" in lines
    assert any(
        line.startswith("  failed    link: link.txt is a symbolic link to") for line in lines
    )
    code, out, _ = run(data, "sources")
    rows = {line.split()[0]: line for line in out.splitlines()}
    assert rows["notes"].rstrip().endswith("notes.txt") and "added" in rows["notes"]
    assert rows["notes-2"].rstrip().endswith("notes-2.md") and "added" in rows["notes-2"]
    assert not {"tool", "big", "link"} & set(rows)
