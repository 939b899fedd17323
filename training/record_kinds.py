from django.utils.translation import gettext_lazy as _

from core.records import RecordKind, register

from .filters import PersonFilter, PublicityEventFilter, TalentFilter, TrainingFilter
from .forms import PersonForm, PublicityEventForm, TalentForm, TrainingForm
from .models import Person, PublicityEvent, Talent, Training


def training_record_kinds() -> None:
    """Publicity events (P3), trainings and the IP staff roster (M5), and the talent pool: officials' pages."""

    register(
        RecordKind(
            "event",
            "training",
            PublicityEvent,
            PublicityEventFilter,
            PublicityEventForm,
            "publicity_events",
            (
                ("date", _("date")),
                ("title", _("title")),
                ("get_theme_display", _("theme")),
                ("audience", _("audience")),
                ("attendance", _("attendance")),
                ("venue", _("venue")),
            ),
            enterprise_visible=False,
            related=(),
        )
    )
    register(
        RecordKind(
            "training",
            "training",
            Training,
            TrainingFilter,
            TrainingForm,
            "",
            (
                ("date", _("date")),
                ("title", _("topic")),
                ("organiser", _("organiser")),
                ("get_format_display", _("format")),
                ("attendee_count", _("attendees")),
            ),
            enterprise_visible=False,
            related=(),
        )
    )
    register(
        RecordKind(
            "person",
            "training",
            Person,
            PersonFilter,
            PersonForm,
            "ip_staff",
            (
                ("name", _("name")),
                ("get_is_ip_staff_display", _("IP staff")),
                ("position", _("position")),
                ("phone", _("phone")),
            ),
            enterprise_visible=False,
        )
    )
    register(
        RecordKind(
            "talent",
            "training",
            Talent,
            TalentFilter,
            TalentForm,
            "talents",
            (
                ("name", _("name")),
                ("get_category_display", _("category")),
                ("employer", _("employer")),
                ("speciality", _("speciality")),
                ("qualification_number", _("qualification certificate number")),
            ),
            enterprise_visible=False,
            related=(),
        )
    )


training_record_kinds()
