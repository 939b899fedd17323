"""Linking records to park enterprises, by credit code or by name; other apps hook their own
links in.

A credit code, where given, wins. Without one, each holder named in the record's holder cell
(co-applicants separated by ; ； 、 or a line break) is matched by its normalised name
(`normalize_holder_name`: full-width forms, either bracket form, spaces and trailing
punctuation do not count) against the park enterprises' names, their former names (曾用名) and
the aliases officials linked on the unmatched-holders worklist. A name two park enterprises
share is ambiguous and never guessed. The record's enterprise is its first park holder (so
the indicators count it once); every park holder is among its co-holders (each sees it).

Code matching is set-based (one UPDATE per table, whichever arrives first, the enterprise or
its records); name matching builds one index of the park's names per import or relink.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from django.db import transaction
from django.db.models import Count, Model, OuterRef, Subquery
from django.utils.translation import gettext_lazy as _
from rapidfuzz import fuzz, process, utils

from core.importing.values import strip_invisible

from .models import Copyright, Enterprise, HolderAlias, ICLayoutDesign, Patent, PlantVariety, Trademark

HELD_MODELS = (Patent, Trademark, Copyright, ICLayoutDesign, PlantVariety)

# Every model whose rows name a holder by credit code, with that field. Other apps add theirs
# (finance: pledges by the pledgor's code) from their `matching` module.
HOLDER_CODE_FIELDS: list[tuple[type[Model], str]] = [(model, "holder_credit_code") for model in HELD_MODELS]

# Every model whose rows name their holders in a text cell: (model, name field, code field).
# Other apps add theirs (finance: pledges by the pledgor's name).
HOLDER_NAME_FIELDS: list[tuple[type[Model], str, str]] = [
    (model, "holder_name", "holder_credit_code") for model in HELD_MODELS
]

# Called after patent records were added or renumbered (finance links pledged numbers to them).
AFTER_PATENTS_CHANGE: list[Callable[[], None]] = []


def enterprise_ids(codes: Iterable[str]) -> dict[str, int]:
    """Park enterprise id of each credit code that belongs to one."""
    codes = {code for code in codes if code}
    if not codes:
        return {}
    return dict(Enterprise.objects.filter(credit_code__in=codes).values_list("credit_code", "id"))


def relink_holders(codes: Iterable[str] | None = None) -> None:
    """Point records at the park enterprise with their holder's credit code (or at none); only
    the records of the given codes when codes are given (HOLDER_CODE_FIELDS)."""
    codes = None if codes is None else sorted({code for code in codes if code})
    if codes == []:
        return
    for model, code_field in HOLDER_CODE_FIELDS:
        records = model.objects.exclude(**{code_field: ""})
        if codes is not None:
            records = records.filter(**{f"{code_field}__in": codes})
        match = Enterprise.objects.filter(credit_code=OuterRef(code_field)).values("id")[:1]
        records.update(enterprise_id=Subquery(match))


def enterprise_names_changed(enterprise: Enterprise) -> int:
    """After an enterprise was created or renamed, or its former names edited: records without a
    park enterprise that name it are linked (by name, former name)."""
    return relink_by_name([enterprise.name, *split_former_names(enterprise.former_names)])


def patents_changed() -> None:
    """Let the records that point at patents by number find the patent records (AFTER_PATENTS_CHANGE)."""
    for follow_up in AFTER_PATENTS_CHANGE:
        follow_up()


# -- Names ---------------------------------------------------------------------------------------

HOLDER_SEPARATORS = re.compile(r"[;；、\n\r]+")
_BRACKETS = str.maketrans({"【": "(", "】": ")", "[": "(", "]": ")", "〔": "(", "〕": ")", "﹙": "(", "﹚": ")"})
_TRAILING = ".,;:!?。，；：、！？·-_—"
AMBIGUOUS = -1


@lru_cache(maxsize=65536)
def normalize_holder_name(name: str) -> str:
    """The form names are compared in: NFKC (full-width to half-width, （） to ()), one bracket
    form, no spaces or invisible characters, no trailing punctuation, case folded. Cached: a list
    names the same holders again and again."""
    text = unicodedata.normalize("NFKC", strip_invisible(str(name))).translate(_BRACKETS)
    return "".join(text.split()).rstrip(_TRAILING).casefold()


def split_holders(cell: str) -> list[str]:
    """The holders a cell names: 'A公司;B大学', 'A公司；B大学', 'A公司、B大学' or one per line."""
    return list(dict.fromkeys(part.strip() for part in HOLDER_SEPARATORS.split(cell or "") if part.strip()))


def split_former_names(text: str) -> list[str]:
    return split_holders(text)


@dataclass
class HolderIndex:
    """The park's names, normalised: enterprise id, or AMBIGUOUS for a name two enterprises share.
    `how` says whether a name is an enterprise's name, a former name or an alias."""

    ids: dict[str, int] = field(default_factory=dict)
    how: dict[str, str] = field(default_factory=dict)

    @classmethod
    def load(cls) -> "HolderIndex":
        index = cls()
        for pk, name, former in Enterprise.objects.values_list("pk", "name", "former_names"):
            index.add(name, pk, "name")
            for old in split_former_names(former):
                index.add(old, pk, "former_name")
        # An official's alias settles a name, even one the enterprises' names make ambiguous.
        for normalized, pk in HolderAlias.objects.values_list("normalized", "enterprise_id"):
            index.ids[normalized], index.how[normalized] = pk, "alias"
        return index

    def add(self, name: str, pk: int, how: str) -> None:
        key = normalize_holder_name(name)
        if not key:
            return
        known = self.ids.get(key)
        if known is None:
            self.ids[key], self.how[key] = pk, how
        elif known != pk:
            self.ids[key] = AMBIGUOUS

    def match(self, names: list[str]) -> tuple[list[int], str, list[str]]:
        """(park enterprise ids in the names' order, how the first matched, names matching none)."""
        ids, how, unmatched = [], "", []
        for name in names:
            key = normalize_holder_name(name)
            pk = self.ids.get(key)
            if pk is None or pk == AMBIGUOUS:
                unmatched.append(name)
            elif pk not in ids:
                ids.append(pk)
                how = how or self.how[key]
        return ids, how, unmatched


@dataclass
class HolderMatches:
    """What the matching of one import found, for its report and the co-holder links."""

    unmatched: Counter = field(default_factory=Counter)  # names that match no park enterprise
    co_holders: dict[tuple, list[int]] = field(default_factory=dict)  # natural key -> park ids, when several


def relink_by_name(names: Iterable[str] | None = None) -> int:
    """Records without a park enterprise (and without a credit code) whose holders now match one
    (a new enterprise, a former name, an alias): linked, co-holders included. With `names`, only
    records naming one of them. Returns how many records were linked."""
    index = HolderIndex.load()
    wanted = None if names is None else {normalize_holder_name(name) for name in names}
    linked = 0
    for model, name_field, code_field in HOLDER_NAME_FIELDS:
        records = model.objects.filter(enterprise__isnull=True, **{code_field: ""}).values_list("pk", name_field)
        by_enterprise: dict[int, list[int]] = {}
        co_holders: dict[int, list[int]] = {}
        for pk, cell in records.iterator(chunk_size=5000):
            if wanted is not None and not wanted.intersection(normalize_holder_name(n) for n in split_holders(cell)):
                continue
            ids, _how, _unmatched = index.match(split_holders(cell))
            if ids:
                by_enterprise.setdefault(ids[0], []).append(pk)
                if len(ids) > 1:
                    co_holders[pk] = ids
        for enterprise_id, pks in by_enterprise.items():
            for start in range(0, len(pks), 5000):
                linked += model.objects.filter(pk__in=pks[start : start + 5000]).update(enterprise_id=enterprise_id)
        set_co_holders(model, co_holders)
    return linked


def set_co_holders(model: type[Model], co_holders: dict[int, list[int]]) -> None:
    """Replace the park co-holders of the given records (record pk -> enterprise ids)."""
    if not co_holders or not hasattr(model, "co_holders"):
        return
    through = model.co_holders.through
    source = model._meta.get_field("co_holders").m2m_field_name()
    through.objects.filter(**{f"{source}_id__in": list(co_holders)}).delete()
    through.objects.bulk_create(
        [through(**{f"{source}_id": pk, "enterprise_id": eid}) for pk, ids in co_holders.items() for eid in ids],
        batch_size=2000,
    )


MATCH_LABELS = {
    "matched_by_code": _("matched by credit code"),
    "matched_by_name": _("matched by name"),
    "matched_by_former_name": _("matched by former name"),
    "matched_by_alias": _("matched by alias"),
    "not_in_park": _("not in the park"),
}


def match_holders(rows: list[dict], name_field: str, code_field: str, result, key_fields: tuple[str, ...]) -> None:
    """Set each row's enterprise from its credit code or its holders' names (a chunk at a time).

    The code identifies the first holder and wins; the other holders (and all of them when no
    code is given) are matched by name. A row whose holders match no park enterprise keeps the
    match stored (it may have been linked by an official); it counts as not in the park. The
    counts go to result.extra, the unmatched names and co-holders to result.state["holders"]."""
    if "holders" not in result.state:
        result.state["holders"] = (HolderIndex.load(), HolderMatches())
        # Every park enterprise's code, read once per import (not once per chunk).
        result.state["holder_codes"] = dict(Enterprise.objects.values_list("credit_code", "id"))
    index, matches = result.state["holders"]
    by_code = result.state["holder_codes"]
    counts: Counter = Counter()
    for row in rows:
        cell = row.get(name_field, "")
        code = row.get(code_field)
        if code:
            coded = by_code.get(code)
            row["enterprise_id"] = coded
            park, how, unmatched = [], "", []
            if HOLDER_SEPARATORS.search(cell):  # co-applicants after the holder the code names
                park, how, unmatched = index.match(split_holders(cell)[1:])
                if coded is None and park:
                    row["enterprise_id"] = park[0]
            if coded is not None:
                park, how = [coded, *(pk for pk in park if pk != coded)], "code"
        else:
            park, how, unmatched = index.match(split_holders(cell))
            if park:
                row["enterprise_id"] = park[0]
        counts["not_in_park" if not park else f"matched_by_{how}"] += 1
        if unmatched:
            matches.unmatched.update(unmatched)
        if len(park) > 1:
            matches.co_holders[tuple(row[name] for name in key_fields)] = park
    for key, count in counts.items():
        result.extra[key] = result.extra.get(key, 0) + count


def finish_holder_matching(model: type[Model], result, key_fields: tuple[str, ...]) -> None:
    """After the whole file: the co-holder links of the rows with several park holders, and the
    list of names that matched nothing (for the report and the worklist)."""
    index_and_matches = result.state.get("holders")
    if index_and_matches is None:
        return
    matches = index_and_matches[1]
    result.listed["unmatched_holders"] = matches.unmatched.most_common(100)
    if not matches.co_holders:
        return
    first = key_fields[0]
    found = model.objects.filter(**{f"{first}__in": {key[0] for key in matches.co_holders}}).values_list(
        "pk", *key_fields
    )
    set_co_holders(
        model, {pk: matches.co_holders[tuple(key)] for pk, *key in found if tuple(key) in matches.co_holders}
    )


# -- The unmatched-holders worklist ------------------------------------------------------------


@dataclass
class UnmatchedHolder:
    name: str  # as a list gives it (the first spelling met)
    normalized: str
    records: int
    ambiguous: list[Enterprise] = field(default_factory=list)  # the park enterprises sharing the name
    suggestions: list[tuple[Enterprise, float]] = field(default_factory=list)


def unmatched_holders() -> list[UnmatchedHolder]:
    """The holder names of records that belong to no park enterprise and have no credit code,
    most records first: each name once however it is spelt, with how many records name it."""
    index = HolderIndex.load()
    found: dict[str, UnmatchedHolder] = {}
    for model, name_field, code_field in HOLDER_NAME_FIELDS:
        cells = (
            model.objects.filter(enterprise__isnull=True, **{code_field: ""})
            .values_list(name_field)
            .annotate(n=Count("pk"))
            .order_by()
        )
        for cell, count in cells:
            for name in split_holders(cell):
                key = normalize_holder_name(name)
                if not key or (index.ids.get(key) not in (None, AMBIGUOUS)):
                    continue
                holder = found.setdefault(key, UnmatchedHolder(name=name, normalized=key, records=0))
                holder.records += count
    ambiguous = [key for key in found if index.ids.get(key) == AMBIGUOUS]
    if ambiguous:
        sharing: dict[str, list[Enterprise]] = {}
        for enterprise in Enterprise.objects.order_by("name"):
            for name in [enterprise.name, *split_former_names(enterprise.former_names)]:
                if normalize_holder_name(name) in ambiguous:
                    sharing.setdefault(normalize_holder_name(name), []).append(enterprise)
        for key in ambiguous:
            found[key].ambiguous = list(dict.fromkeys(sharing.get(key, [])))
    return sorted(found.values(), key=lambda holder: (-holder.records, holder.name))


def suggest_enterprises(holders: list[UnmatchedHolder], limit: int = 3, cutoff: float = 50) -> None:
    """The park enterprises whose names (or former names) are most like each holder's
    (rapidfuzz's WRatio on the normalised names), best first."""
    choices: dict[int, str] = {}
    enterprises: dict[int, Enterprise] = {}
    for enterprise in Enterprise.objects.all():
        for name in [enterprise.name, *split_former_names(enterprise.former_names)]:
            choices[len(choices)] = normalize_holder_name(name)
            enterprises[len(choices) - 1] = enterprise
    for holder in holders:
        best: dict[int, tuple[Enterprise, float]] = {}
        for _choice, score, position in process.extract(
            holder.normalized,
            choices,
            scorer=fuzz.WRatio,
            processor=utils.default_process,
            limit=limit * 2,
            score_cutoff=cutoff,
        ):
            enterprise = enterprises[position]
            if enterprise.pk not in best:
                best[enterprise.pk] = (enterprise, round(score))
        holder.suggestions = list(best.values())[:limit]


@transaction.atomic
def link_alias(name: str, enterprise: Enterprise, user=None) -> int:
    """Remember that `name` is `enterprise` (for later imports too) and link the records that
    name it; returns how many records were linked."""
    key = normalize_holder_name(name)
    HolderAlias.objects.update_or_create(
        normalized=key, defaults={"name": name.strip(), "enterprise": enterprise, "created_by": user}
    )
    return relink_by_name([name])
