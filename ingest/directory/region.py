"""Is an organisation in the Paris Region (Île-de-France)? By postcode when there is one, else by
city: the region's departments and its main towns; a known city elsewhere in France is outside."""

from __future__ import annotations

from typing import Literal

from ingest.store.text import fold

Where = Literal["in", "out", "unknown"]

IDF_DEPARTMENTS = {"75", "77", "78", "91", "92", "93", "94", "95"}
IDF_CITIES = {
    fold(name.strip())
    for name in """
    Paris; Boulogne-Billancourt; Saint-Denis; Argenteuil; Montreuil; Nanterre; Vitry-sur-Seine;
    Créteil; Versailles; Courbevoie; Colombes; Aulnay-sous-Bois; Asnières-sur-Seine;
    Rueil-Malmaison; Aubervilliers; Champigny-sur-Marne; Saint-Maur-des-Fossés; Drancy;
    Issy-les-Moulineaux; Levallois-Perret; Noisy-le-Grand; Antony; Neuilly-sur-Seine; Clichy;
    Sarcelles; Ivry-sur-Seine; Cergy; Villejuif; Évry; Évry-Courcouronnes; Pantin; Clamart;
    Meaux; Bondy; Fontenay-sous-Bois; Massy; Suresnes; Puteaux; Gennevilliers; Montrouge;
    Sèvres; Meudon; Saint-Cloud; Palaiseau; Orsay; Saclay; Gif-sur-Yvette; Les Ulis;
    Saint-Quentin-en-Yvelines; Guyancourt; Vélizy-Villacoublay; Jouy-en-Josas; Saint-Ouen;
    Saint-Ouen-sur-Seine; Le Kremlin-Bicêtre; Bobigny; Villepinte; Roissy-en-France;
    Marne-la-Vallée;
    Champs-sur-Marne; Noisy-le-Sec; Melun; Fontainebleau; Pontoise; Poissy; Mantes-la-Jolie;
    Saint-Germain-en-Laye; Chatou; Corbeil-Essonnes; Villebon-sur-Yvette; Les Loges-en-Josas;
    Romainville; Chaville; Vincennes; Charenton-le-Pont; Rungis; Fresnes; Bagneux; Châtillon;
    Malakoff; Vanves; Fontenay-aux-Roses; Le Plessis-Robinson; Sceaux; Cachan; Arcueil;
    Gentilly; Bourg-la-Reine; Évry-Courcouronnes; Lisses; Courtabœuf; Élancourt; Trappes
    """.split(";")
    if name.strip()
}
# Large French cities outside the region: named so that they are marked, not left unknown.
OTHER_CITIES = {
    fold(name.strip())
    for name in """
    Lyon; Marseille; Toulouse; Nice; Nantes; Montpellier; Strasbourg; Bordeaux; Lille; Rennes;
    Reims; Toulon; Saint-Étienne; Le Havre; Grenoble; Dijon; Angers; Nîmes; Clermont-Ferrand;
    Aix-en-Provence; Brest; Tours; Amiens; Limoges; Annecy; Perpignan; Metz; Besançon; Orléans;
    Rouen; Mulhouse; Caen; Nancy; Poitiers; Pau; La Rochelle; Villeurbanne; Illkirch-Graffenstaden;
    Sophia Antipolis; Valbonne; Évian; Lausanne; Geneva; Genève; Brussels; London; Basel
    """.split(";")
    if name.strip()
}


def where(city: str, postcode: str = "") -> Where:
    """``in`` the Paris Region, ``out`` of it, or ``unknown`` (no city, or one not listed)."""
    code = "".join(c for c in postcode if c.isdigit())
    if len(code) == 5:
        return "in" if code[:2] in IDF_DEPARTMENTS else "out"
    name = fold(city.strip())
    if not name:
        return "unknown"
    if name in IDF_CITIES or name.startswith("paris "):
        return "in"
    if name in OTHER_CITIES:
        return "out"
    return "unknown"
