"""The publicity events, IP staff roster, training attendance and talent lists (docs/import-formats-extra.md)."""

from typing import Any

from django.utils.translation import gettext_lazy, gettext_noop

from core.importing import Column, ImportKind, ImportResult, RowInvalid
from core.importing.values import clean_text, parse_bool, parse_choice, parse_date, parse_non_negative_int
from enterprises.importing.enterprises import credit_code_column, enterprise_name_column
from enterprises.importing.management import park_enterprise_id
from ipportal.coded import coded

from .models import Attendance, Person, PublicityEvent, Talent, Training


def parse_person_name(raw) -> str:
    """A person's name with inner runs of spaces folded (张 三 and 张三 stay different: both occur)."""
    return " ".join(clean_text(raw).split())


THEME_LABELS = {
    PublicityEvent.Theme.WORLD_IP_DAY: "4.26世界知识产权日",
    PublicityEvent.Theme.CONSUMER_DAY: "3.15消费者权益日",
    PublicityEvent.Theme.PATENT_WEEK: "中国专利周",
    PublicityEvent.Theme.SCIENCE_WEEK: "科技活动周",
    PublicityEvent.Theme.CAMPUS: "知识产权入企进校",
    PublicityEvent.Theme.OTHER: "其他",
}
parse_theme = parse_choice(
    {
        **{label: value for value, label in THEME_LABELS.items()},
        **{t.value: t for t in PublicityEvent.Theme},
        "世界知识产权日": PublicityEvent.Theme.WORLD_IP_DAY,
        "4.26": PublicityEvent.Theme.WORLD_IP_DAY,
        "3.15": PublicityEvent.Theme.CONSUMER_DAY,
    }
)


class PublicityEventImport(ImportKind):
    name = "publicity_events"
    label = gettext_lazy("Publicity events")
    model = PublicityEvent
    key_fields = ("date", "title")
    columns = [
        Column("date", "日期", required=True, parse=parse_date),
        Column("title", "活动名称", required=True),
        Column("theme", "主题", parse=parse_theme),
        Column("audience", "对象", parse=None),
        Column("attendance", "参加人数", parse=parse_non_negative_int),
        Column("venue", "地点"),
        Column("organiser", "主办单位"),
    ]

    def clean_row(self, values: dict) -> dict:
        fields = {"date": values["date"], "title": values["title"]}
        for name in ("audience", "venue", "organiser"):
            if name in values:
                fields[name] = values[name] or ""
        if "theme" in values:
            fields["theme"] = values["theme"] or PublicityEvent.Theme.OTHER
        if "attendance" in values:
            fields["attendance"] = values["attendance"]
        return fields

    def export_row(self, event: PublicityEvent) -> list:
        return [
            event.date.isoformat(),
            event.title,
            THEME_LABELS[event.theme],
            event.audience,
            "" if event.attendance is None else event.attendance,
            event.venue,
            event.organiser,
        ]


class IPStaffImport(ImportKind):
    """The IP staff roster: one row per person, matched to the park enterprise by credit code."""

    name = "ip_staff"
    label = gettext_lazy("IP staff roster")
    model = Person
    key_fields = ("enterprise_id", "name")
    columns = [
        Column("name", "姓名", required=True, parse=parse_person_name),
        credit_code_column(required=True),
        enterprise_name_column(),
        Column("is_ip_staff", "知识产权工作人员", label=gettext_lazy("works on IP"), parse=parse_bool),
        Column("position", "职务"),
        Column("phone", "联系电话"),
    ]

    def clean_row(self, values: dict) -> dict:
        fields = {"enterprise_id": park_enterprise_id(values["credit_code"]), "name": values["name"]}
        # On a roster an empty or missing "is IP staff" cell means yes: that is what the list is of.
        fields["is_ip_staff"] = values.get("is_ip_staff") is not False
        for name in ("position", "phone"):
            if name in values:
                fields[name] = values[name] or ""
        return fields

    def export_row(self, person: Person) -> list:
        return [
            person.name,
            person.enterprise.credit_code,
            person.enterprise.name,
            "是" if person.is_ip_staff else "否",
            person.position,
            person.phone,
        ]


FORMAT_LABELS = {Training.Format.OFFLINE: "线下", Training.Format.ONLINE: "线上", Training.Format.HYBRID: "线上线下"}
parse_format = parse_choice(
    {
        **{label: value for value, label in FORMAT_LABELS.items()},
        "现场": Training.Format.OFFLINE,
        "网络": Training.Format.ONLINE,
        "混合": Training.Format.HYBRID,
        **{f.value: f for f in Training.Format},
    }
)


class AttendanceImport(ImportKind):
    """Training attendance sheets: one row per attendee. The training and the person are created
    when new; a person's "is IP staff" is updated when the sheet says so."""

    name = "training_attendance"
    label = gettext_lazy("Training attendance sheets")
    model = Attendance
    key_fields = ("training_date", "training_title", "enterprise_id", "name")
    columns = [
        Column("training_title", "培训名称", label=gettext_lazy("training title"), required=True),
        Column("training_date", "培训日期", label=gettext_lazy("training date"), required=True, parse=parse_date),
        Column("name", "姓名", label=gettext_lazy("name"), required=True, parse=parse_person_name),
        credit_code_column(required=True),
        enterprise_name_column(),
        Column("is_ip_staff", "知识产权工作人员", label=gettext_lazy("works on IP"), parse=parse_bool),
        Column("position", "职务", label=gettext_lazy("position")),
        Column("organiser", "主办单位", label=gettext_lazy("organiser")),
        Column("format", "培训形式", label=gettext_lazy("training format"), parse=parse_format),
    ]

    def text_limits(self) -> list[tuple[str, int]]:
        """The row's texts stored on the training and the person, besides the attendance's own."""
        length = {
            "training_title": Training._meta.get_field("title").max_length,
            "organiser": Training._meta.get_field("organiser").max_length,
            "name": Person._meta.get_field("name").max_length,
            "position": Person._meta.get_field("position").max_length,
        }
        return [*super().text_limits(), *length.items()]

    def clean_row(self, values: dict) -> dict:
        return {
            "training_date": values["training_date"],
            "training_title": values["training_title"],
            "enterprise_id": park_enterprise_id(values["credit_code"]),
            "name": values["name"],
            "is_ip_staff": values.get("is_ip_staff"),
            "position": values.get("position") or "",
            "organiser": values.get("organiser") or "",
            "format": values.get("format") or "",
        }

    def write_chunk(self, rows: list[dict[str, Any]], result: ImportResult) -> None:
        """Trainings, then people, then attendances, each in one or two statements per chunk."""
        training_keys = {(r["training_date"], r["training_title"]): r for r in rows}
        for (day, title), row in training_keys.items():
            defaults = {k: row[k] for k in ("organiser", "format") if row[k]}
            training, created = Training.objects.get_or_create(date=day, title=title, defaults=defaults)
            if not created and any(getattr(training, k) != v for k, v in defaults.items()):
                Training.objects.filter(pk=training.pk).update(**defaults)
        trainings = {
            (t.date, t.title): t.pk
            for t in Training.objects.filter(
                date__in={k[0] for k in training_keys}, title__in={k[1] for k in training_keys}
            )
        }

        person_keys = {(r["enterprise_id"], r["name"]) for r in rows}
        existing = {
            (p.enterprise_id, p.name): p
            for p in Person.objects.filter(
                enterprise_id__in={k[0] for k in person_keys}, name__in={k[1] for k in person_keys}
            )
        }
        new_people, changed_people = {}, {}
        for row in rows:
            key = (row["enterprise_id"], row["name"])
            person = existing.get(key) or new_people.get(key)
            if person is None:
                new_people[key] = Person(
                    enterprise_id=key[0],
                    name=key[1],
                    is_ip_staff=bool(row["is_ip_staff"]),
                    position=row["position"],
                )
            elif row["is_ip_staff"] is not None and person.is_ip_staff != row["is_ip_staff"]:
                person.is_ip_staff = row["is_ip_staff"]
                changed_people[key] = person
        Person.objects.bulk_create(new_people.values())
        Person.objects.bulk_update([p for p in changed_people.values() if p.pk], ["is_ip_staff"])
        people = {
            (p.enterprise_id, p.name): p.pk
            for p in Person.objects.filter(
                enterprise_id__in={k[0] for k in person_keys}, name__in={k[1] for k in person_keys}
            )
        }

        wanted = {
            (trainings[(r["training_date"], r["training_title"])], people[(r["enterprise_id"], r["name"])]): r
            for r in rows
        }
        present = set(
            Attendance.objects.filter(
                training_id__in={k[0] for k in wanted}, person_id__in={k[1] for k in wanted}
            ).values_list("training_id", "person_id")
        )
        Attendance.objects.bulk_create(
            [Attendance(training_id=t, person_id=p) for (t, p) in wanted if (t, p) not in present]
        )
        new = len(wanted) - len(present & wanted.keys())
        updated = sum(
            1 for (t, p), r in wanted.items() if (t, p) in present and (r["enterprise_id"], r["name"]) in changed_people
        )
        result.count(new, updated, len(wanted) - new - updated)


CATEGORY_LABELS = {
    Talent.Category.EXPERT: "专家库专家",
    Talent.Category.PATENT_ATTORNEY: "专利代理师",
    Talent.Category.IP_PROFESSIONAL: "知识产权专业人才",
}
parse_category = parse_choice(
    {
        **{label: value for value, label in CATEGORY_LABELS.items()},
        "专家": Talent.Category.EXPERT,
        "专利代理人": Talent.Category.PATENT_ATTORNEY,
        "知识产权人才": Talent.Category.IP_PROFESSIONAL,
        **{c.value: c for c in Talent.Category},
    }
)


class TalentImport(ImportKind):
    name = "talents"
    label = gettext_lazy("Talent pool")
    model = Talent
    key_fields = ("category", "name", "employer")
    columns = [
        Column("name", "姓名", required=True, parse=parse_person_name),
        Column("category", "类别", required=True, parse=parse_category),
        Column("employer", "工作单位"),
        credit_code_column(),
        Column("speciality", "专业领域"),
        Column("qualification_number", "资格证号"),
        Column("title", "职称"),
        Column("phone", "联系电话"),
        Column("joined_date", "入库日期", parse=parse_date),
    ]

    def clean_row(self, values: dict) -> dict:
        if values["category"] == Talent.Category.PATENT_ATTORNEY and not values.get("qualification_number"):
            raise RowInvalid("qualification_number", coded(gettext_noop("required for a patent attorney")))
        fields = {"name": values["name"], "category": values["category"], "employer": values.get("employer") or ""}
        if values.get("credit_code"):
            fields["enterprise_id"] = park_enterprise_id(values["credit_code"])
        elif "credit_code" in values:
            fields["enterprise_id"] = None
        for name in ("speciality", "qualification_number", "title", "phone"):
            if name in values:
                fields[name] = values[name] or ""
        if "joined_date" in values:
            fields["joined_date"] = values["joined_date"]
        return fields

    def export_row(self, talent: Talent) -> list:
        return [
            talent.name,
            CATEGORY_LABELS[talent.category],
            talent.employer,
            talent.enterprise.credit_code if talent.enterprise else "",
            talent.speciality,
            talent.qualification_number,
            talent.title,
            talent.phone,
            talent.joined_date.isoformat() if talent.joined_date else "",
        ]
