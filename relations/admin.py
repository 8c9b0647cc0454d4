"""Admin of the relations app, for relations officers (Relationshandläggare).

Every model has ``search_fields``, since the other apps' admins use autocomplete on
topics, organisations, offices, programmes, projects and contacts. Who may edit is
decided by the model permissions that portal/roles.py gives each group.
"""

from django import forms
from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from relations import exports
from relations.models import (
    Agreement,
    AgreementContact,
    AgreementFollowUp,
    AreaResult,
    Contact,
    DevelopmentArea,
    Forum,
    ForumMember,
    Membership,
    Office,
    Organisation,
    Position,
    Programme,
    Project,
    Topic,
)


@admin.register(Topic)
class TopicAdmin(admin.ModelAdmin):
    list_display = ["name", "name_en", "slug"]
    search_fields = ["name", "name_en", "slug"]
    prepopulated_fields = {"slug": ["name"]}


class MembershipInline(admin.StackedInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["topics"]
    fields = [
        ("role", "role_detail"),
        ("since", "until"),
        ("representative_name", "representative_title", "representative_title_en"),
        "topics",
        ("public_notes", "public_notes_en"),
        "internal_notes",
        "is_public",
        ("annual_fee", "fee_currency", "renewal_date"),
    ]


@admin.register(Organisation)
class OrganisationAdmin(admin.ModelAdmin):
    list_display = ["name", "acronym", "kind", "country", "website"]
    list_filter = ["kind", "topics", "country"]
    search_fields = ["name", "name_en", "acronym", "slug"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["topics", "documents"]
    inlines = [MembershipInline]
    fieldsets = [
        (None, {"fields": [
            "kind", ("name", "acronym"), ("name_en", "acronym_en"), "slug", "country", "website"
        ]}),
        (_("Beskrivning"), {"fields": ["description", "description_en", "topics"]}),
        (_("Logotyp"), {"fields": ["logo", "logo_alt"]}),
        (_("Dokument"), {"fields": ["documents"]}),
    ]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = [
        "organisation", "role", "renewal_date", "annual_fee", "fee_currency", "is_public",
        "since", "until", "representative_name",
    ]
    list_filter = ["is_public", "role", "organisation__kind", "topics"]
    search_fields = [
        "organisation__name", "organisation__acronym", "representative_name", "role_detail"
    ]
    list_select_related = ["organisation"]
    autocomplete_fields = ["organisation", "topics"]
    date_hierarchy = "since"
    actions = ["export_csv"]

    @admin.action(description=_("Exportera markerade medlemskap som CSV"))
    def export_csv(self, request, queryset):
        return exports.memberships_csv(queryset)


@admin.register(Programme)
class ProgrammeAdmin(admin.ModelAdmin):
    list_display = ["name", "fund", "period_start", "period_end", "region_role"]
    list_filter = ["fund", "period_start"]
    search_fields = ["name", "name_en", "slug", "region_role"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["documents"]


@admin.register(Project)
class ProjectAdmin(admin.ModelAdmin):
    list_display = [
        "title", "status", "programme", "start_date", "end_date", "region_role",
        "total_budget", "eu_grant",
    ]
    list_filter = ["status", "region_role", "programme", "topics"]
    search_fields = ["title", "title_en", "slug", "programme__name", "lead_partner__name"]
    list_select_related = ["programme", "lead_partner"]
    autocomplete_fields = ["programme", "lead_partner", "partners", "topics", "documents"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "start_date"
    actions = ["export_csv"]
    fieldsets = [
        (None, {"fields": [
            "title", "title_en", "slug", "programme", "region_role",
            ("status", "status_set_by_hand"),
        ]}),
        (_("Period och budget"), {
            "fields": [
                ("start_date", "end_date"), ("total_budget", "eu_grant"),
                ("exchange_rate", "exchange_rate_date"),
            ],
            "description": _(
                "Budgeten anges i euro; med växelkurs och datum visas den också i kronor."
            ),
        }),
        (_("Partner"), {"fields": ["lead_partner", "partners"]}),
        (_("Beskrivning"), {"fields": [
            "topics", "description", "description_en", "results", "results_en", "website"
        ]}),
        (_("Dokument"), {"fields": ["documents"]}),
    ]

    @admin.action(description=_("Exportera markerade projekt som CSV"))
    def export_csv(self, request, queryset):
        return exports.projects_csv(queryset)


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["name", "title", "title_en", "email", "phone", "position"]


@admin.register(Office)
class OfficeAdmin(admin.ModelAdmin):
    list_display = ["name", "email", "phone", "position"]
    list_editable = ["position"]
    search_fields = ["name", "name_en", "slug", "address"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["partners"]
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "office", "email", "phone"]
    list_filter = ["office", "topics"]
    search_fields = ["name", "title", "title_en", "email"]
    list_select_related = ["office"]
    autocomplete_fields = ["office", "topics"]


class DevelopmentAreaInline(admin.StackedInline):
    model = DevelopmentArea
    extra = 0
    fields = [("number", "title", "title_en"), ("description", "description_en")]


class ForumInline(admin.TabularInline):
    model = Forum
    extra = 0
    fields = ["kind", "name", "name_en"]
    show_change_link = True


class AgreementContactInline(admin.TabularInline):
    model = AgreementContact
    extra = 0
    fields = ["name", "title", "organisation", "email", "phone"]


class FollowUpThisYearFilter(admin.SimpleListFilter):
    title = _("årets uppföljning")
    parameter_name = "follow_up"

    def lookups(self, request, model_admin):
        return [("missing", _("saknas")), ("done", _("finns"))]

    def queryset(self, request, queryset):
        if self.value() == "missing":
            return queryset.in_force(timezone.localdate().year).filter(has_follow_up=False)
        if self.value() == "done":
            return queryset.filter(has_follow_up=True)
        return queryset


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = [
        "title", "follow_up_this_year", "is_public", "kind", "valid_from", "valid_until",
        "responsible_officer",
    ]
    list_filter = [FollowUpThisYearFilter, "kind", "is_public"]
    search_fields = ["title", "title_en", "slug", "parties__name", "parties__acronym"]
    list_select_related = ["responsible_officer"]
    autocomplete_fields = ["parties", "documents"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "valid_from"
    inlines = [DevelopmentAreaInline, ForumInline, AgreementContactInline]
    fieldsets = [
        (None, {"fields": ["kind", "title", "title_en", "slug", "is_public"]}),
        (_("Parter"), {"fields": ["parties", "internal_parties"]}),
        (_("Beslut och giltighet"), {"fields": [
            ("decided_by", "decided_by_en"), ("decided_on", "signed_on"),
            ("valid_from", "valid_until"),
        ]}),
        (_("Uppföljning"), {"fields": ["follow_up_month", "responsible_officer"]}),
        (_("Beskrivning"), {"fields": ["summary", "summary_en", "documents"]}),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).with_follow_up_for(timezone.localdate().year)

    @admin.display(
        description=_("årets uppföljning"), boolean=True, ordering="has_follow_up"
    )
    def follow_up_this_year(self, obj):
        # No follow-up is due for a year outside the agreement's period.
        if not obj.covers_year(timezone.localdate().year):
            return None
        return obj.has_follow_up


class ForumMemberInline(admin.TabularInline):
    model = ForumMember
    extra = 0
    fields = ["name", "title", "organisation", "email"]


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["name", "kind", "agreement"]
    list_filter = ["kind"]
    search_fields = ["name", "name_en", "agreement__title", "members__name"]
    list_select_related = ["agreement"]
    autocomplete_fields = ["agreement"]
    inlines = [ForumMemberInline]
    fields = ["agreement", "kind", ("name", "name_en"), ("description", "description_en")]


class AreaResultInline(admin.StackedInline):
    model = AreaResult
    extra = 0
    fields = ["area", ("text", "text_en")]

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "area":
            kwargs["queryset"] = self.areas_offered(request)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @staticmethod
    def areas_offered(request):
        """The areas of the agreement being followed up, once it is known: from the follow-up
        being changed, or from the add link (``?agreement=``) the reminder mail gives."""
        object_id = request.resolver_match.kwargs.get("object_id", "")
        agreement = request.GET.get("agreement", "")
        if object_id.isdigit():
            return DevelopmentArea.objects.filter(agreement__follow_ups=object_id)
        if agreement.isdigit():
            return DevelopmentArea.objects.filter(agreement=agreement)
        return DevelopmentArea.objects.all()


@admin.register(AgreementFollowUp)
class AgreementFollowUpAdmin(admin.ModelAdmin):
    list_display = ["agreement", "year", "decided_by", "decided_on"]
    list_filter = ["year", "agreement"]
    search_fields = ["agreement__title", "summary", "decided_by"]
    list_select_related = ["agreement"]
    autocomplete_fields = ["agreement", "projects", "documents"]
    inlines = [AreaResultInline]
    fields = [
        "agreement", "year", ("decided_by", "decided_by_en"), "decided_on",
        ("summary", "summary_en"), "projects", "documents",
    ]


class PositionForm(forms.ModelForm):
    def clean_documents(self):
        documents = self.cleaned_data["documents"]
        if not documents:
            raise forms.ValidationError(
                _("Bifoga ställningstagandet eller remissvaret som dokument.")
            )
        return documents


@admin.register(Position)
class PositionAdmin(admin.ModelAdmin):
    list_display = ["title", "kind", "date", "addressee", "case_number"]
    list_filter = ["kind", "topics"]
    search_fields = ["title", "title_en", "slug", "addressee", "case_number", "summary"]
    autocomplete_fields = ["topics", "documents"]
    prepopulated_fields = {"slug": ["title"]}
    date_hierarchy = "date"
    form = PositionForm
    fields = [
        "kind", "title", "title_en", "slug", "date", ("addressee", "addressee_en"),
        "case_number", "topics", "summary", "summary_en", "documents",
    ]
