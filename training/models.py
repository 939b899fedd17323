from django.db import models
from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from core.records.models import ParkRecordQuerySet
from enterprises.models import Enterprise

# The key enterprises whose IP staff M5 covers.
KEY_ENTERPRISE_FLAGS = ("high_tech", "specialised", "little_giant", "listing_reserve", "tech_sme")


class PublicityEvent(models.Model):
    """An IP publicity event (知识产权宣传活动): P3 counts them by date."""

    class Theme(models.TextChoices):
        WORLD_IP_DAY = "world_ip_day", _("4.26 World IP Day")
        CONSUMER_DAY = "consumer_day", _("3.15 Consumer Rights Day")
        PATENT_WEEK = "patent_week", _("China Patent Week")
        SCIENCE_WEEK = "science_week", _("Science and Technology Week")
        CAMPUS = "campus", _("IP in enterprises and schools")
        OTHER = "other", _("other")

    date = models.DateField(_("date"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    theme = models.CharField(_("theme"), max_length=16, choices=Theme.choices, default=Theme.OTHER)
    audience = models.CharField(_("audience"), max_length=200, blank=True)
    attendance = models.PositiveIntegerField(_("attendance"), null=True, blank=True)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("publicity event")
        verbose_name_plural = _("publicity events")
        ordering = ["-date", "title"]
        constraints = [models.UniqueConstraint(fields=["date", "title"], name="publicity_event_once")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("training:event-detail", args=[self.pk])


class PersonQuerySet(ParkRecordQuerySet):
    def ip_staff(self):
        return self.filter(is_ip_staff=True)

    def of_key_enterprises(self, year: int):
        """People of the enterprises M5 covers in year Y: high-tech, 专精特新 (little giants included),
        listing-reserve or tech SME, by the titles they held that year."""
        return self.filter(Enterprise.any_title_held_in(KEY_ENTERPRISE_FLAGS, year, prefix="enterprise__"))

    def trained_in(self, year: int):
        return self.filter(pk__in=Attendance.objects.filter(training__date__year=year).values("person"))


class Person(models.Model):
    """Someone working at a park enterprise: the IP staff roster, and the attendees of trainings."""

    enterprise = models.ForeignKey(
        "enterprises.Enterprise", on_delete=models.CASCADE, related_name="people", verbose_name=_("park enterprise")
    )
    name = models.CharField(_("name"), max_length=100)
    is_ip_staff = models.BooleanField(
        _("IP staff"), default=True, help_text=_("Works on the enterprise's IP (counted by M5).")
    )
    position = models.CharField(_("position"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = PersonQuerySet.as_manager()

    class Meta:
        verbose_name = _("enterprise staff member")
        verbose_name_plural = _("IP staff roster")
        ordering = ["enterprise__name", "name"]
        constraints = [models.UniqueConstraint(fields=["enterprise", "name"], name="person_once_per_enterprise")]

    def __str__(self) -> str:
        return f"{self.name} ({self.enterprise})"

    def get_absolute_url(self) -> str:
        return reverse("training:person-detail", args=[self.pk])

    def get_is_ip_staff_display(self) -> str:
        return _("yes") if self.is_ip_staff else _("no")

    def detail_facts(self) -> list[tuple[str, str]]:
        trainings = "、".join(str(t) for t in self.trainings.order_by("-date"))
        return [(_("trainings attended"), trainings or "—")]


class TrainingQuerySet(ParkRecordQuerySet):
    def for_user(self, user):
        # Meta.ordering is not applied to aggregating queries: name it again.
        return super().for_user(user).annotate(attendee_count=Count("attendances")).order_by("-date", "title")


class Training(models.Model):
    """An IP training course or session; its attendees are the people M5 counts as trained."""

    class Format(models.TextChoices):
        OFFLINE = "offline", _("on site")
        ONLINE = "online", _("online")
        HYBRID = "hybrid", _("online and on site")

    date = models.DateField(_("date"), db_index=True)
    title = models.CharField(_("topic"), max_length=200)
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    format = models.CharField(_("format"), max_length=16, choices=Format.choices, default=Format.OFFLINE)
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    hours = models.DecimalField(_("hours"), max_digits=5, decimal_places=1, null=True, blank=True)
    attendees = models.ManyToManyField(
        Person, through="Attendance", related_name="trainings", blank=True, verbose_name=_("attendees")
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = TrainingQuerySet.as_manager()

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-date", "title"]
        constraints = [models.UniqueConstraint(fields=["date", "title"], name="training_once")]

    def __str__(self) -> str:
        return f"{self.date:%Y-%m-%d} {self.title}"

    def get_absolute_url(self) -> str:
        return reverse("training:training-detail", args=[self.pk])

    def detail_facts(self) -> list[tuple[str, str]]:
        people = self.attendees.select_related("enterprise").order_by("enterprise__name", "name")
        names = "、".join(f"{p.name}（{p.enterprise.name}）" for p in people)
        return [(_("attendees"), names or "—")]


class Attendance(models.Model):
    """One person at one training (a row of an attendance sheet)."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("training")
    )
    person = models.ForeignKey(Person, on_delete=models.CASCADE, related_name="attendances", verbose_name=_("person"))
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendances")
        ordering = ["training", "person__name"]
        constraints = [models.UniqueConstraint(fields=["training", "person"], name="attendance_once")]

    def __str__(self) -> str:
        return f"{self.person.name} @ {self.training}"


class Talent(models.Model):
    """An expert, patent attorney or IP professional in the park's talent pool."""

    class Category(models.TextChoices):
        EXPERT = "expert", _("expert (experts pool)")
        PATENT_ATTORNEY = "patent_attorney", _("patent attorney")
        IP_PROFESSIONAL = "ip_professional", _("IP professional")

    name = models.CharField(_("name"), max_length=100)
    category = models.CharField(_("category"), max_length=20, choices=Category.choices)
    employer = models.CharField(_("employer"), max_length=200, blank=True)
    enterprise = models.ForeignKey(
        "enterprises.Enterprise",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="talents",
        verbose_name=_("park enterprise"),
    )
    speciality = models.CharField(_("speciality"), max_length=200, blank=True)
    qualification_number = models.CharField(
        _("qualification certificate number"), max_length=64, blank=True, help_text=_("e.g. the patent attorney's")
    )
    title = models.CharField(_("professional title"), max_length=100, blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    joined_date = models.DateField(_("in the pool since"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = ParkRecordQuerySet.as_manager()

    class Meta:
        verbose_name = _("talent")
        verbose_name_plural = _("talent pool")
        ordering = ["category", "name"]
        constraints = [
            models.UniqueConstraint(fields=["category", "name", "employer"], name="talent_once_per_employer")
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.get_category_display()})"

    def get_absolute_url(self) -> str:
        return reverse("training:talent-detail", args=[self.pk])
