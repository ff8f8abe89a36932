"""The organisation kinds, in one table: each kind's key (as the directory spells it), its French
label, the words a question uses for it (English and French, folded: no accents, lower case) and
what the kind says about an organisation when matching a project description.

Used by ingestion (the kinds of our CSV, the sentence of each organisation's document), the
answers (the kind a list question asks for, labels in both languages), the directory service
(kind spellings, partner matching) and the app (badges).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from ingest.store.text import tokenize


@dataclass(frozen=True)
class OrgKind:
    key: str  # "research-institute"
    fr: str = ""  # French label; "" when none (the English one is used)
    words: str = ""  # words of a question that name the kind, space-separated, folded
    about: str = ""  # what the kind says about an organisation, for matching a project
    ours: bool = False  # used in corpus/directory/organisations.csv (RNSR, FINESS add others)

    @property
    def en(self) -> str:
        """``"research-body"`` -> "research body"; "e-health startup"."""
        return english(self.key)


TABLE: tuple[OrgKind, ...] = (
    OrgKind(
        "cluster",
        "pôle de compétitivité",
        "cluster clusters pole poles competitiveness",
        "cluster network",
        ours=True,
    ),
    OrgKind(
        "incubator",
        "incubateur",
        "incubator incubators incubateur incubateurs accelerator",
        "incubator start-up",
        ours=True,
    ),
    OrgKind(
        "pharma-group",
        "groupe pharmaceutique",
        "pharma pharmaceutical pharmaceuticals pharmaceutique pharmaceutiques",
        "pharmaceuticals industry drug",
        ours=True,
    ),
    OrgKind(
        "research-institute",
        "institut de recherche",
        "institute institutes institut instituts institution institutions",
        "research laboratory",
        ours=True,
    ),
    OrgKind(
        "research-body",
        "organisme de recherche",
        "institute institutes institut instituts institution institutions",
        "research laboratory",
        ours=True,
    ),
    OrgKind(
        "hospital-group",
        "groupe hospitalier",
        # "which institutions?": the institutes, research bodies and hospitals
        "hospital hospitals hopital hopitaux hospitalier institution institutions",
        "hospital clinical care patients clinical trials",
        ours=True,
    ),
    OrgKind(
        "e-health-startup",
        "start-up e-santé",
        "start-up start-ups startup startups jeune-pousse jeunes-pousses",
        "e-health digital health start-up",
        ours=True,
    ),
    OrgKind(
        "medtech-company",
        "entreprise medtech",
        "medtech medtechs",
        "medical technology device industry",
        ours=True,
    ),
    OrgKind("network", "réseau", "network networks reseau reseaux", ours=True),
    OrgKind("programme", "programme", "programme programmes program programs", ours=True),
    OrgKind("event", "événement", "event events evenement evenements summit", ours=True),
    OrgKind("public-body", "organisme public", "authority authorities collectivite", ours=True),
    OrgKind("university", "université", ours=True),
    OrgKind("hospital", "hôpital", about="hospital clinical care patients"),
    OrgKind("university-hospital", about="hospital clinical care patients research"),
    OrgKind("laboratory", "laboratoire"),
    OrgKind("company", "entreprise"),
    OrgKind("research-unit"),
    OrgKind("research-federation"),
    OrgKind("research-service-unit"),
    OrgKind("cancer-centre"),
    OrgKind("pharmacy"),
    OrgKind("health-establishment"),
)
BY_KEY: dict[str, OrgKind] = {kind.key: kind for kind in TABLE}

# The kinds used in corpus/directory/organisations.csv.
KINDS: frozenset[str] = frozenset(kind.key for kind in TABLE if kind.ours)

# Families of kinds a question can ask for: any organisation ("*"), or a company of any kind.
ANY_KIND_WORDS = "organisation organisations organization organizations organisme organismes "
ANY_KIND_WORDS += "players acteurs "
ANY_KIND_WORDS += "structures entities bodies"
COMPANY_KINDS = ("pharma-group", "medtech-company", "e-health-startup")
COMPANY_WORDS = "company companies firms firm entreprises entreprise societes industrials"
COMPANY_WORDS += " industriels groups groupes"


def english(kind: str) -> str:
    return kind.replace("-", " ").replace("e health", "e-health")


def kind_key(kind: str) -> str:
    """One spelling per kind: ``Research Institute`` and ``research_institute`` are
    ``research-institute``."""
    return "-".join(kind.strip().lower().replace("_", " ").replace("-", " ").split())


def kind_label(kind: str, language: str = "en") -> str:
    """``"research-body"`` -> "research body" / "organisme de recherche"."""
    known = BY_KEY.get(kind)
    if language == "fr" and known is not None and known.fr:
        return known.fr
    return english(kind)


def kind_about(kind: str) -> str:
    """What the kind says about an organisation ("hospital clinical care patients"), or ""."""
    known = BY_KEY.get(kind)
    return known.about if known is not None else ""


@lru_cache(maxsize=1)
def kinds_by_word() -> dict[str, tuple[str, ...]]:
    """Folded words of a question (not stems: "institutions" are not "institutes") -> the kinds
    they name; ``"*"`` for any kind."""
    table: dict[str, list[str]] = {}
    for kind in TABLE:
        for word in kind.words.split():
            table.setdefault(word, []).append(kind.key)
    for word in COMPANY_WORDS.split():
        table.setdefault(word, []).extend(COMPANY_KINDS)
    for word in ANY_KIND_WORDS.split():
        table.setdefault(word, []).append("*")
    return {k: tuple(dict.fromkeys(v)) for k, v in table.items()}


@lru_cache(maxsize=1)
def _labels() -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each kind's English label of two words or more as stems ("research body", "public
    body"), with its key. Not the French ones: "organismes publics de recherche" are research
    bodies, and the French words name kinds alone ("hospitaliers")."""
    labels = [(tuple(tokenize(kind.en)), kind.key) for kind in TABLE]
    return tuple((stems, key) for stems, key in labels if len(stems) > 1)


def labelled_kinds(text: str) -> tuple[str, ...]:
    """The kinds whose label ends the text, in the singular or the plural ("which research
    bodies": research-body; "public bodies": public-body)."""
    stems = tuple(tokenize(text))
    return tuple(dict.fromkeys(key for label, key in _labels() if stems[-len(label) :] == label))


@lru_cache(maxsize=1)
def kind_terms() -> frozenset[str]:
    """The stems of the words that name a kind of organisation ("institut", "clusters"): a
    kind, not a field ("the Pasteur Institute" names no field)."""
    return frozenset(tokenize(" ".join(kinds_by_word())))
