"""Places for the locate answers: the directory's towns (city, postcode) and the campuses its
descriptions name ("its platform in Paris-Saclay"): a capitalised, hyphenated place name after
"in", "at", "on" that several organisations share. Where an organisation is, which organisations
a town holds, and which places fit a field (places first, each with its organisations). An
organisation whose place is unknown (no town in its entry) is never offered as a match for a
place: not listed for a town or a département, not counted for a campus, not grouped under one."""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.answer.labels import domain_label, text
from assistant.answer.organisations import Organisation, squash
from assistant.answer.partners import Cited
from ingest.directory.departements import DEPARTEMENTS
from ingest.directory.org_kinds import kind_label, kinds_by_word
from ingest.store.text import fold

CAMPUS = re.compile(
    r"\b(?:in|at|on|near|à|au|sur)\s+(?:the\s+)?"
    r"([A-ZÉÎ][\w’']+(?:-(?:[a-z]{1,3}-)?[A-ZÉÎ][\w’']+)+)"
)
REGION_NAMES = {"ile-de-france", "paris-ile-de-france", "region-ile-de-france"}
MIN_SHARED = 2  # a campus is a place that several organisations name
MAX_PLACES = 4
MAX_PER_PLACE = 3
MAX_LISTED = 10


def campuses(organisations: Sequence[Organisation]) -> dict[str, list[Organisation]]:
    """Campus name -> the organisations whose description places them there."""
    aliases = {alias for org in organisations for alias in org.aliases()}
    towns = {fold(org.city) for org in organisations if org.city}  # a town is no campus
    skipped = REGION_NAMES | towns
    found: dict[str, list[Organisation]] = {}
    for org in organisations:
        if not placed(org):
            continue
        names = {m.group(1) for m in CAMPUS.finditer(org.passage.text)}  # each campus once
        for name in sorted(names, key=org.passage.text.find):
            if fold(name) in skipped or squash(name) in aliases:
                continue
            found.setdefault(name, []).append(org)
    return {name: orgs for name, orgs in found.items() if len(orgs) >= MIN_SHARED}


def placed(org: Organisation) -> bool:
    """Whether the directory knows where ``org`` is: its town (in or outside the region)."""
    return bool(org.city)


def departement(org: Organisation) -> str:
    return str(org.passage.metadata.get("departement", "") or "")


def places_of(org: Organisation, campus: dict[str, list[Organisation]]) -> tuple[str, ...]:
    """The campuses that hold ``org``, else its town; () when the directory says neither."""
    held = tuple(name for name, orgs in campus.items() if org in orgs)
    return held or ((org.city,) if org.city else ())


def postcode(org: Organisation) -> str:
    return str(org.passage.metadata.get("postcode", "") or "")


# where something is held: "at the Palais Brongniart", "au Palais des Congrès"
VENUE = re.compile(
    r"\b(?:at|au|à la|à l['’])\s+(?:the\s+)?([A-ZÀ-ÖØ-Þ][\w\-’']+(?:\s+(?:[A-ZÀ-ÖØ-Þ][\w\-’']+|"
    r"de|des|du)){0,3})"
)


def venue(org: Organisation) -> str:
    """Where the entry says the organisation is held or housed, a name before its own town ("was
    held at the Palais Brongniart in Paris": Palais Brongniart), else ""."""
    for match in VENUE.finditer(org.description):
        town = re.escape(org.city) if org.city else ""
        if town and re.match(rf"\s*(?:,|in|à|a)\s+{town}\b", org.description[match.end() :]):
            return match.group(1)
    return ""


def compose_where(
    org: Organisation, n: int, campus: dict[str, list[Organisation]], lang: str, about: bool = False
) -> str:
    """Where ``org`` is, from its directory entry (town, postcode, département, campus), cited;
    only for an organisation whose town the directory knows (:func:`placed`), with what it is
    part of. ``about``: its kind too (a question asking more than where: "what kind of company
    is it and which town is it in?")."""
    held = [name for name, orgs in campus.items() if org in orgs]
    place = " ".join(p for p in (postcode(org), org.city) if p)
    held_at = venue(org)
    place = f"{held_at}, {place}" if held_at else place  # "Palais Brongniart, 75002 Paris"
    area = DEPARTEMENTS.get(departement(org), org.city)
    place += f", {area}" if fold(area) != fold(org.city) else ""  # "Villejuif, Val-de-Marne"
    place += f", {text('outside_region', lang)}" if org.region == "out" else ""  # "Dijon, outside"
    what = [kind_label(org.kind, lang)] if about and org.kind else []
    parents = ", ".join(org.record.parents)  # "NeuroSpin (part of CEA)": whose site it is
    what += [text("part_of", lang).format(parent=parents)] if parents else []
    name = f"{org.label} ({', '.join(what)})" if what else org.label
    line = text("located", lang).format(name=name, place=place)
    return f"{line}{' (' + ', '.join(held) + ')' if held else ''} [{n}]."


def in_town(
    town: str, organisations: Sequence[Organisation], campus: dict[str, list[Organisation]]
) -> list[Organisation]:
    """The organisations of ``town`` (their city), of the campus of that name, or of the
    département of that name or number ("Val-de-Marne", "94"); never one of unknown place."""
    wanted = fold(town)
    for name, orgs in campus.items():
        if fold(name) == wanted:
            return [o for o in orgs if placed(o)]
    there = [o for o in organisations if placed(o) and fold(o.city) == wanted]
    codes = {code for code, name in DEPARTEMENTS.items() if wanted in (code, fold(name))}
    return there or [o for o in organisations if placed(o) and departement(o) in codes]


def kinds_named(question: str) -> tuple[str, ...]:
    """The first kind of organisation the question names anywhere ("where do the pharma groups
    have their head offices?", "un labo pharmaceutique"), narrowed by the next word
    ("entreprises pharmaceutiques"); () when it names none or any kind."""
    table = kinds_by_word()
    folded = [w.strip("-") for w in re.findall(r"[\w\-]+", fold(question))]
    found = [table.get(w) or (table.get(w[:-1]) if w.endswith("s") else None) for w in folded]
    for i, kinds in enumerate(found):
        if kinds and "*" not in kinds:
            after = found[i + 1] if i + 1 < len(found) else None
            return after if after and "*" not in after and set(after) < set(kinds) else kinds
    return ()


def departement_named(place: str) -> str:
    """The code of the département ``place`` names ("Hauts-de-Seine", "92"), else ""; Paris
    is a town."""
    wanted = fold(place)
    found = [c for c, name in DEPARTEMENTS.items() if wanted in (c, fold(name))]
    return found[0] if found and wanted != "paris" else ""


def compose_town(
    town: str,
    listed: Sequence[tuple[Organisation, int]],
    lang: str,
    outside: bool = False,
    besides: bool = False,
) -> str:
    """The organisations a town holds (or the outside of the region; with ``besides``, those
    of them not in the town), one line each (kind, its town when a département, the outside
    or elsewhere is asked, domains), cited; "" when none."""
    if not listed:
        return ""
    code = "" if outside else departement_named(town)
    heading = text("departement_heading", lang).format(name=DEPARTEMENTS.get(code), code=code)
    heading = heading if code else text("town_heading", lang).format(town=town)
    heading = text("not_in_heading", lang).format(town=town) if besides else heading
    lines = [text("outside_heading", lang) if outside else heading]
    for org, n in listed[:MAX_LISTED]:
        about = [kind_label(org.kind, lang)] if org.kind else []
        about += [org.city] if (code or outside or besides) and org.city else []  # its town
        about += [domain_label(d, lang) for d in org.domains[:2]]
        lines.append(f"- {org.label} ({', '.join(about)}) [{n}]")
    if len(listed) > MAX_LISTED:
        lines.append(text("more", lang).format(n=len(listed) - MAX_LISTED))
    return "\n".join(lines)


def group_places(cited: Sequence[Cited]) -> list[tuple[str, list[Cited]]]:
    """The places of the ranked organisations, the place whose organisations fit best first."""
    groups: dict[str, list[Cited]] = {}
    score: dict[str, float] = {}
    for item in cited:
        for place in item.places[:1]:
            groups.setdefault(place, []).append(item)
            score[place] = score.get(place, 0.0) + item.fit.score
    return sorted(groups.items(), key=lambda kv: (-score[kv[0]], kv[0]))


def compose_places(cited: Sequence[Cited], lang: str) -> str:
    """Places first, each with the organisations there that fit the field and why, cited."""
    groups = group_places(cited)[:MAX_PLACES]
    if not groups:
        return ""
    lines = [text("places_heading", lang)]
    for place, items in groups:
        parts = []
        for item in items[:MAX_PER_PLACE]:
            fit = item.fit
            why = [kind_label(fit.kind, lang)] if fit.kind else []
            why += [domain_label(d, lang) for d in fit.domains[:2]]
            town = f", {fit.city}" if fit.city and fit.city != place else ""
            parts.append(f"{fit.name} ({', '.join(why)}{town}) [{item.n}]")
        lines.append(f"- {place}: " + "; ".join(parts))
    return "\n".join(lines)
