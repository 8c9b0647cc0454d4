"""Public pages of the relations app: networks, programmes, projects, priorities, offices,
cooperation agreements with their follow-ups, and positions.

Every page reads memberships through ``Membership.objects.public()`` (or the prefetch in
``Organisation.objects.with_current_memberships()``), so internal memberships and internal
notes never reach a public template; agreements and their follow-ups likewise through
``Agreement.objects.public()``, and forum members and contact persons never. Lists
prefetch what they show: a constant number of queries whatever the number of rows.
"""

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import DetailView, ListView, TemplateView
from django_filters.views import FilterView

from portal.navigation import BreadcrumbsMixin, Crumb, section
from portal.pagination import ForgivingPaginationMixin
from relations import services
from relations.filters import OrganisationFilter, PositionFilter, ProjectFilter
from relations.models import (
    Agreement,
    AgreementFollowUp,
    AreaResult,
    Contact,
    Membership,
    Office,
    Organisation,
    Position,
    Programme,
    Project,
    Topic,
)


class ListPageMixin(BreadcrumbsMixin):
    """A list below the index, named as in its heading; its items' pages lie below it."""

    title = None
    url_name = None

    @classmethod
    def crumb(cls):
        return Crumb(cls.title, reverse(cls.url_name))

    def get_breadcrumbs(self):
        return [section("relations:index"), Crumb(self.title)]


class DetailPageMixin(BreadcrumbsMixin):
    """One item of a list (``list_view``), named by its ``title_attribute``."""

    list_view = None
    title_attribute = None

    def get_breadcrumbs(self):
        return [
            section("relations:index"),
            self.list_view.crumb(),
            Crumb(getattr(self.object, self.title_attribute)),
        ]


class FilteredListView(ForgivingPaginationMixin, FilterView):
    # An unknown filter value is ignored (and named in the form), never an error page.
    strict = False

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_filtered"] = any(
            self.request.GET.get(name) for name in self.filterset_class.base_filters
        )
        return context


class IndexView(TemplateView):
    template_name = "relations/index.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["memberships"] = services.current_public_memberships()
        return context


class OrganisationListView(ListPageMixin, FilteredListView):
    title = gettext_lazy("Nätverk och organisationer")
    url_name = "relations:organisation-list"
    model = Organisation
    filterset_class = OrganisationFilter
    paginate_by = 12
    template_name = "relations/organisation_list.html"

    def get_queryset(self):
        return Organisation.objects.with_current_memberships()


class OrganisationDetailView(DetailPageMixin, DetailView):
    list_view = OrganisationListView
    title_attribute = "display_name"
    model = Organisation
    template_name = "relations/organisation_detail.html"

    def get_queryset(self):
        return Organisation.objects.prefetch_related(
            "topics",
            Prefetch(
                "memberships",
                queryset=Membership.objects.public().prefetch_related("topics"),
                to_attr="public_memberships",
            ),
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["projects"] = Project.objects.involving(self.object).for_lists()
        return context


class ProgrammeListView(ListPageMixin, ListView):
    title = gettext_lazy("EU-program")
    url_name = "relations:programme-list"
    template_name = "relations/programme_list.html"
    context_object_name = "programmes"

    def get_queryset(self):
        return Programme.objects.with_grant_totals()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["chart"] = services.grant_chart()
        return context


class ProgrammeDetailView(DetailPageMixin, DetailView):
    list_view = ProgrammeListView
    title_attribute = "display_name"
    model = Programme
    template_name = "relations/programme_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        projects = list(self.object.projects.for_lists())
        context["projects"] = projects
        context["total_grant"] = sum((p.eu_grant for p in projects), 0)
        return context


class ProjectListView(ListPageMixin, FilteredListView):
    title = gettext_lazy("EU-projekt")
    url_name = "relations:project-list"
    model = Project
    filterset_class = ProjectFilter
    paginate_by = 10
    template_name = "relations/project_list.html"

    def get_queryset(self):
        return Project.objects.for_lists()


class ProjectDetailView(DetailPageMixin, DetailView):
    list_view = ProjectListView
    title_attribute = "display_title"
    model = Project
    template_name = "relations/project_detail.html"

    def get_queryset(self):
        return Project.objects.select_related("programme", "lead_partner").prefetch_related(
            "topics", "partners"
        )


class TopicListView(ListPageMixin, ListView):
    title = gettext_lazy("Våra prioriteringar")
    url_name = "relations:topic-list"
    model = Topic
    template_name = "relations/topic_list.html"
    context_object_name = "topics"


# A topic's page shows its latest positions and links the list filtered by the topic.
TOPIC_POSITION_COUNT = 5


class TopicDetailView(DetailPageMixin, DetailView):
    list_view = TopicListView
    title_attribute = "display_name"
    model = Topic
    template_name = "relations/topic_detail.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        topic = self.object
        context["memberships"] = Membership.objects.current().for_public_pages().filter(
            topics=topic
        )
        context["projects"] = topic.projects.for_lists()
        context["contacts"] = topic.contacts.select_related("office")
        context["positions"] = topic.positions.for_lists()[:TOPIC_POSITION_COUNT]
        return context


class OfficeListView(ListPageMixin, ListView):
    title = gettext_lazy("Kontor och kontakter")
    url_name = "relations:office-list"
    template_name = "relations/office_list.html"
    context_object_name = "offices"

    def get_queryset(self):
        return Office.objects.prefetch_related(
            "partners",
            Prefetch("contacts", queryset=Contact.objects.prefetch_related("topics")),
        )



def follow_ups_with_results():
    """Follow-ups with their areas' results and their projects, newest first."""
    return AgreementFollowUp.objects.order_by("-year").prefetch_related(
        Prefetch("area_results", queryset=AreaResult.objects.select_related("area")),
        Prefetch("projects", queryset=Project.objects.select_related("programme")),
    )


class AgreementListView(ListPageMixin, ListView):
    title = gettext_lazy("Överenskommelser")
    url_name = "relations:agreement-list"
    template_name = "relations/agreement_list.html"
    context_object_name = "agreements"

    def get_queryset(self):
        return Agreement.objects.public().prefetch_related("parties")


class AgreementDetailView(DetailPageMixin, DetailView):
    list_view = AgreementListView
    title_attribute = "display_title"
    template_name = "relations/agreement_detail.html"

    def get_queryset(self):
        return Agreement.objects.public().prefetch_related(
            "parties",
            "development_areas",
            "forums",
            Prefetch("follow_ups", queryset=follow_ups_with_results()),
        )


class FollowUpDetailView(BreadcrumbsMixin, DetailView):
    template_name = "relations/follow_up_detail.html"

    def get_breadcrumbs(self):
        agreement = self.object.agreement
        return [
            section("relations:index"),
            AgreementListView.crumb(),
            Crumb(agreement.display_title, agreement.get_absolute_url()),
            Crumb(_("Uppföljning %(year)s") % {"year": self.object.year}),
        ]

    def get_object(self, queryset=None):
        return get_object_or_404(
            follow_ups_with_results().public().select_related("agreement"),
            agreement__slug=self.kwargs["slug"],
            year=self.kwargs["year"],
        )


class PositionListView(ListPageMixin, FilteredListView):
    title = gettext_lazy("Ståndpunkter och remissvar")
    url_name = "relations:position-list"
    model = Position
    filterset_class = PositionFilter
    paginate_by = 20
    template_name = "relations/position_list.html"

    def get_queryset(self):
        return Position.objects.for_lists()


class PositionDetailView(DetailPageMixin, DetailView):
    list_view = PositionListView
    title_attribute = "display_title"
    template_name = "relations/position_detail.html"

    def get_queryset(self):
        return Position.objects.for_lists()
