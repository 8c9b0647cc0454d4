"""Admin of the relations app, for relations officers (Relationshandläggare).

Every model has ``search_fields``, since the other apps' admins use autocomplete on
topics, organisations, offices, programmes, projects and contacts. Who may edit is
decided by the model permissions that portal/roles.py gives each group.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from relations import exports
from relations.models import Contact, Membership, Office, Organisation, Programme, Project, Topic


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
        (None, {"fields": ["kind", ("name", "acronym"), "name_en", "slug", "country", "website"]}),
        (_("Beskrivning"), {"fields": ["description", "description_en", "topics"]}),
        (_("Logotyp"), {"fields": ["logo", "logo_alt"]}),
        (_("Dokument"), {"fields": ["documents"]}),
    ]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = [
        "organisation", "role", "since", "until", "representative_name", "is_public"
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
        "title", "programme", "status", "region_role", "start_date", "end_date",
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
        (None, {"fields": ["title", "title_en", "slug", "programme", ("status", "region_role")]}),
        (_("Period och budget"), {"fields": [
            ("start_date", "end_date"), ("total_budget", "eu_grant")
        ]}),
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
    inlines = [ContactInline]


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["name", "title", "office", "email", "phone"]
    list_filter = ["office", "topics"]
    search_fields = ["name", "title", "title_en", "email"]
    list_select_related = ["office"]
    autocomplete_fields = ["office", "topics"]
