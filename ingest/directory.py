"""Organisation directories: our own CSV, RNSR and FINESS exports.

Pure functions, no network. Every directory file becomes a list of :class:`Organisation`,
and every organisation becomes one :class:`~ingest.models.Document` that the retriever can
search and filter (``kind``, ``city``, ``domain_<slug>``...).

Three formats are read:

``paris-health``
    ``corpus/directory/organisations.csv``: comma-separated, UTF-8, with the header
    ``name,acronym,kind,city,postcode,website,parents,domains,description,source``;
    ``parents`` and ``domains`` are ``;``-separated lists.
``rnsr``
    an export of the French national register of research structures (RNSR) from
    data.enseignementsup-recherche.gouv.fr, with either field names (``libelle``,
    ``sigle``...) or their French labels (``Libellé``, ``Sigle``...) as header.
``finess``
    an export of the FINESS register of health establishments, ``;``-separated and often
    latin-1: either with a header row (``nofinesset;rs;rslongue;...``) or the header-less
    Etalab stock file (a ``finess;etalab;...`` first line, then ``structureet;...`` rows).
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from ingest.models import DirectoryFormat, Document, IngestError, Metadata

COLUMNS: tuple[str, ...] = (
    "name",
    "acronym",
    "kind",
    "city",
    "postcode",
    "website",
    "parents",
    "domains",
    "description",
    "source",
)

# The kinds used in corpus/directory/organisations.csv. RNSR and FINESS imports add
# "research-unit", "research-federation", "research-service-unit", "hospital",
# "cancer-centre", "pharmacy", "laboratory" and "health-establishment".
KINDS: frozenset[str] = frozenset(
    {
        "hospital-group",
        "research-body",
        "research-institute",
        "university",
        "cluster",
        "incubator",
        "pharma-group",
        "e-health-startup",
        "medtech-company",
        "programme",
        "event",
        "public-body",
        "network",
    }
)


@dataclass(frozen=True)
class Organisation:
    name: str
    acronym: str = ""
    kind: str = ""
    city: str = ""
    postcode: str = ""
    website: str = ""
    parents: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    description: str = ""
    source: str = ""


# --------------------------------------------------------------------------- helpers

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss"})


def slugify(text: str, sep: str = "-") -> str:
    """ASCII, lowercase slug: ``"Lab Santé Île-de-France"`` -> ``"lab-sante-ile-de-france"``."""
    folded = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    return re.sub(r"[^a-z0-9]+", sep, ascii_text).strip(sep)


def _clean(value: str | None) -> str:
    """Strip a cell and collapse its whitespace (non-breaking spaces included)."""
    return " ".join((value or "").split())


def _split(value: str, separators: str = ";|") -> tuple[str, ...]:
    parts = re.split("[" + re.escape(separators) + "]", value)
    return tuple(dict.fromkeys(p for p in (_clean(x) for x in parts) if p))


def _decode(data: bytes, label: str) -> str:
    """UTF-8 (with or without BOM), then cp1252, then latin-1; UTF-16 when it has a BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise IngestError(f"{label}: unreadable encoding (bad UTF-16)") from exc
    if b"\x00" in data:
        raise IngestError(f"{label}: unreadable encoding (binary data or UTF-16 without BOM)")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _detect_delimiter(text: str) -> str:
    first = next((line for line in text.splitlines() if line.strip()), "")
    return ";" if first.count(";") > first.count(",") else ","


def _rows(text: str, delimiter: str) -> Iterator[tuple[int, list[str]]]:
    """Yield (line number where the record starts, cells), skipping blank records."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    start = 1
    for row in reader:
        if any(cell.strip() for cell in row):
            yield start, row
        start = reader.line_num + 1


def _trim(row: list[str], width: int) -> list[str]:
    """Drop empty cells past ``width`` (exports often end every line with a delimiter)."""
    while len(row) > width and not row[-1].strip():
        row = row[:-1]
    return row


Table = list[tuple[int, dict[str, str]]]


def _parse_table(label: str, text: str, required: Sequence[str], normalise_header: bool) -> Table:
    """Parse delimited text with a header row into (line, {column: cell}) records."""
    records = _rows(text, _detect_delimiter(text))
    first = next(records, None)
    if first is None:
        raise IngestError(f"{label}: empty file")
    header_line, raw_header = first
    header = _trim([_header_key(h, normalise_header) for h in raw_header], 0)
    missing = [c for c in required if c not in header]
    if missing:
        raise IngestError(
            f"{label} line {header_line}: missing required columns: {', '.join(missing)}"
        )
    table: Table = []
    for line, row in records:
        row = _trim(row, len(header))
        if len(row) != len(header):
            raise IngestError(f"{label} line {line}: expected {len(header)} fields, got {len(row)}")
        table.append((line, {h: _clean(v) for h, v in zip(header, row, strict=True) if h}))
    return table


def _header_key(cell: str, normalise: bool) -> str:
    cell = cell.strip().lstrip("\ufeff")
    return slugify(cell, "_") if normalise else cell.lower()


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise IngestError(f"{path.name}: cannot read file ({exc.strerror or exc})") from exc
    text = _decode(data, path.name)
    if not text.strip():
        raise IngestError(f"{path.name}: empty file")
    return text


def _first(record: Mapping[str, str], *keys: str) -> str:
    return next((record[k] for k in keys if record.get(k)), "")


def _require_name(label: str, line: int, name: str) -> str:
    if not name:
        raise IngestError(f"{label} line {line}: missing name")
    return name


# --------------------------------------------------------------------------- formats


def read_organisations(path: Path, fmt: DirectoryFormat = "paris-health") -> list[Organisation]:
    """Read a directory file; raise :class:`IngestError` (one line) on any malformed row."""
    path = Path(path)
    if fmt == "paris-health":
        return _read_paris_health(path)
    if fmt == "rnsr":
        return _read_rnsr(path)
    if fmt == "finess":
        return _read_finess(path)
    raise IngestError(f"{path.name}: unknown directory format {fmt!r}")


def detect_format(path: Path) -> DirectoryFormat:
    """Guess a directory file's format from its first line (our columns, RNSR or FINESS)."""
    try:
        first = _read_text(Path(path)).lstrip("\ufeff").splitlines()[0].lower()
    except (IngestError, IndexError):
        return "paris-health"
    if "numero_national_de_structure" in first or "libelle" in first and "tutelles" in first:
        return "rnsr"
    if "nofinesset" in first or first.startswith("finess"):
        return "finess"
    return "paris-health"


def _read_paris_health(path: Path) -> list[Organisation]:
    label = path.name
    table = _parse_table(label, _read_text(path), COLUMNS, normalise_header=False)
    return [
        Organisation(
            name=_require_name(label, line, rec["name"]),
            acronym=rec["acronym"],
            kind=rec["kind"].lower(),
            city=rec["city"],
            postcode=rec["postcode"],
            website=rec["website"],
            parents=_split(rec["parents"], ";"),
            domains=tuple(d.lower() for d in _split(rec["domains"], ";")),
            description=rec["description"],
            source=rec["source"],
        )
        for line, rec in table
    ]


# RNSR "domaine scientifique" values (the ministry's scientific domains), in English.
_RNSR_DOMAINS: dict[str, str] = {
    "biologie, medecine et sante": "biology, medicine and health",
    "chimie": "chemistry",
    "mathematiques et leurs interactions": "mathematics",
    "physique": "physics",
    "sciences agronomiques et ecologiques": "agronomy and ecology",
    "sciences de la societe": "social sciences",
    "sciences de la terre et de l'univers": "earth and universe sciences",
    "sciences et technologies de l'information et de la communication": (
        "information and communication sciences and technologies"
    ),
    "sciences humaines et humanites": "humanities",
    "sciences pour l'ingenieur": "engineering sciences",
}


def _fold(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.translate(_LIGATURES).replace("’", "'"))
    return " ".join(folded.encode("ascii", "ignore").decode("ascii").lower().split())


def _rnsr_kind(structure_type: str) -> str:
    folded = _fold(structure_type)
    if "federati" in folded:
        return "research-federation"
    if "service" in folded or "appui" in folded:
        return "research-service-unit"
    return "research-unit"


def _strip_cedex(city: str) -> str:
    return re.sub(r"\s+cedex\b.*$", "", city, flags=re.IGNORECASE).strip()


def _read_rnsr(path: Path) -> list[Organisation]:
    label = path.name
    table = _parse_table(label, _read_text(path), ("libelle",), normalise_header=True)
    organisations = []
    for line, rec in table:
        number = _first(rec, "numero_national_de_structure", "numero_rnsr", "identifiant")
        code = _first(rec, "label_numero", "code_unite")
        year = _first(rec, "annee_de_creation")
        structure_type = _first(rec, "type_de_structure", "nature_de_structure")
        parts = ["Research structure registered in the RNSR"]
        if number:
            parts[0] += f" under number {number}"
        if code:
            parts.append(f"unit code {code}")
        if structure_type:
            parts.append(f"type: {structure_type}")
        if year:
            parts.append(f"created in {year}")
        domains = _split(_first(rec, "domaine_scientifique", "domaines_scientifiques"))
        organisations.append(
            Organisation(
                name=_require_name(label, line, rec["libelle"]),
                acronym=_first(rec, "sigle"),
                kind=_rnsr_kind(structure_type),
                city=_city_case(_strip_cedex(_first(rec, "commune", "ville"))),
                postcode=_first(rec, "code_postal"),
                website=_first(rec, "site_web", "url"),
                parents=_split(_first(rec, "tutelles", "tutelle"), ";|,"),
                domains=tuple(_RNSR_DOMAINS.get(_fold(d), _fold(d)) for d in domains),
                description="; ".join(parts) + ".",
                source=label,
            )
        )
    return organisations


# Columns of the header-less Etalab FINESS stock file ("structureet" rows), in order.
FINESS_ETALAB_COLUMNS: tuple[str, ...] = (
    "structureet",
    "nofinesset",
    "nofinessej",
    "rs",
    "rslongue",
    "complrs",
    "compldistrib",
    "numvoie",
    "typvoie",
    "voie",
    "compvoie",
    "lieuditbp",
    "commune",
    "departement",
    "libdepartement",
    "ligneacheminement",
    "telephone",
    "telecopie",
    "categetab",
    "libcategetab",
    "categagretab",
    "libcategagretab",
    "siret",
    "codeape",
    "codemft",
    "libmft",
    "codesph",
    "libsph",
    "dateouv",
    "dateautor",
    "datemaj",
)


def _finess_kind(category: str) -> str:
    folded = _fold(category)
    if "cancer" in folded:
        return "cancer-centre"
    if "hospital" in folded or "hopital" in folded:
        return "hospital"
    if "pharmacie" in folded:
        return "pharmacy"
    if "laboratoire" in folded:
        return "laboratory"
    return "health-establishment"


def _split_acheminement(line: str) -> tuple[str, str]:
    """``"94805 VILLEJUIF CEDEX"`` -> (``"94805"``, ``"Villejuif"``)."""
    match = re.match(r"^(\d{5})\s+(.*)$", line)
    if not match:
        return "", _strip_cedex(line)
    return match.group(1), _strip_cedex(match.group(2))


def _city_case(city: str) -> str:
    """FINESS writes communes in capitals; ``"PARIS"`` -> ``"Paris"``."""
    if not city.isupper():
        return city
    return re.sub(r"[A-Za-zÀ-ÿ]+", lambda m: m.group(0).capitalize(), city.lower())


def _finess_table(label: str, text: str) -> Table:
    records = _rows(text, _detect_delimiter(text))
    first = next(records, None)
    if first is None:
        raise IngestError(f"{label}: empty file")
    cells = [_clean(c).lower() for c in first[1]]
    if cells[0] != "finess" or "nofinesset" in cells:
        return _parse_table(label, text, ("nofinesset",), normalise_header=True)
    # Etalab stock file: no header; "structureet" rows, then "geolocalisation" rows.
    table: Table = []
    for line, row in records:
        if _clean(row[0]).lower() != "structureet":
            continue
        if len(row) < len(FINESS_ETALAB_COLUMNS):
            raise IngestError(
                f"{label} line {line}: expected {len(FINESS_ETALAB_COLUMNS)} fields, got {len(row)}"
            )
        table.append(
            (line, {k: _clean(v) for k, v in zip(FINESS_ETALAB_COLUMNS, row, strict=False)})
        )
    return table


def _read_finess(path: Path) -> list[Organisation]:
    label = path.name
    table = _finess_table(label, _read_text(path))
    organisations = []
    for line, rec in table:
        name = _require_name(label, line, _first(rec, "rslongue", "rs", "raison_sociale"))
        short = _first(rec, "rs")
        postcode, city = _split_acheminement(_first(rec, "ligneacheminement"))
        commune = _first(rec, "libcommune", "libelle_commune", "commune")
        if commune and not commune.isdigit():  # "commune" is an INSEE code in Etalab files
            city = _strip_cedex(commune)
        postcode = _first(rec, "codepostal", "code_postal") or postcode
        category = _first(rec, "libcategetab")
        number = _first(rec, "nofinesset")
        legal = _first(rec, "nofinessej")
        parts = ["Health establishment registered in FINESS"]
        if number:
            parts[0] += f" under number {number}"
        if legal:
            parts.append(f"legal entity {legal}")
        if category:
            parts.append(f"category: {category}")
        group = _first(rec, "libcategagretab")
        if group:
            parts.append(f"group: {group}")
        status = _first(rec, "libsph")
        if status and _fold(status) != "non concerne":
            parts.append(f"status: {status}")
        organisations.append(
            Organisation(
                name=name,
                acronym=short if short and short != name else "",
                kind=_finess_kind(category),
                city=_city_case(city),
                postcode=postcode,
                description="; ".join(parts) + ".",
                source=label,
            )
        )
    return organisations


# --------------------------------------------------------------------------- documents


def _article(kind_words: str) -> str:
    return "an" if kind_words[:1] in {"a", "e", "i", "o"} else "a"


def organisation_text(org: Organisation) -> str:
    """A readable paragraph, leaving out what is empty."""
    subject = org.name
    if org.acronym and org.acronym != org.name:
        subject += f" ({org.acronym})"
    sentence = subject
    if org.kind:
        words = org.kind.replace("-", " ").replace("e health", "e-health")
        sentence += f" is {_article(words)} {words}"
    else:
        sentence += " is an organisation"
    if org.city:
        sentence += f" in {org.city}"
        if org.postcode:
            sentence += f" ({org.postcode})"
    elif org.postcode:
        sentence += f" in {org.postcode}"
    parts = [sentence + "."]
    if org.domains:
        parts.append(f"Domains: {', '.join(org.domains)}.")
    if org.parents:
        parts.append(f"Parent bodies: {'; '.join(org.parents)}.")
    if org.website:
        parts.append(f"Website: {org.website}.")
    if org.description:
        parts.append(org.description)
    return " ".join(parts)


def organisation_to_document(org: Organisation, source_id: str) -> Document:
    """One document per organisation; metadata holds scalar values only."""
    metadata: Metadata = {"title": org.name, "type": "organisation"}
    fields: dict[str, str] = {
        "acronym": org.acronym,
        "kind": org.kind,
        "city": org.city,
        "postcode": org.postcode,
        "website": org.website,
        "url": org.website,
        "domains": ";".join(org.domains),
        "parents": ";".join(org.parents),
    }
    metadata.update({key: value for key, value in fields.items() if value})
    for domain in org.domains:
        slug = slugify(domain)
        if slug:
            metadata[f"domain_{slug}"] = True
    slug = slugify(org.name) or "organisation"
    return Document(
        doc_id=f"{source_id}#{slug}",
        source_id=source_id,
        text=organisation_text(org),
        metadata=metadata,
    )


def organisations_to_documents(
    organisations: Sequence[Organisation], source_id: str
) -> list[Document]:
    """Documents for a whole directory, with ``-2``, ``-3``... added to repeated ids."""
    documents: list[Document] = []
    seen: dict[str, int] = {}
    for org in organisations:
        doc = organisation_to_document(org, source_id)
        count = seen.get(doc.doc_id, 0) + 1
        seen[doc.doc_id] = count
        if count > 1:
            doc = Document(f"{doc.doc_id}-{count}", doc.source_id, doc.text, doc.metadata)
        documents.append(doc)
    return documents
