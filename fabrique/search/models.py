"""The search index: one row per searchable object, with what it says, who may read it and its facets.

Rows are written by `indexing` from each model's adapter (see `registry`); nobody edits them. The text
columns carry the weights of the ranking: title (A), summary (B), body (C), keywords (D). On PostgreSQL a
generated `search_vector` column (weighted `french` vectors of the unaccented text) with a GIN index is added
by a migration; on SQLite the FTS5 table `search_fts` holds the same text, stemmed by `french`.

"Déjà fait ailleurs" only ever looks among the created activities (a tenth of the projects, a fortieth of the
index): PostgreSQL gives them a partial GIN index, SQLite a second FTS5 table, `search_similar_fts`, holding
the `search_fts` rows of those documents only.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from .enums import DocumentType, FacetName
from .visibility import Visibility


class SearchDocument(models.Model):
    type = models.CharField(_("type"), max_length=20, choices=DocumentType.choices)
    object_id = models.PositiveBigIntegerField(verbose_name=_("identifiant de l'objet"))
    title = models.CharField(_("titre"), max_length=300)
    summary = models.TextField(_("résumé"), blank=True)
    body = models.TextField(_("texte"), blank=True)
    keywords = models.TextField(_("mots-clés"), blank=True)
    url = models.CharField(_("adresse"), max_length=500, blank=True)
    visibility = models.CharField(_("visibilité"), max_length=12, choices=Visibility.choices)
    structure = models.ForeignKey(
        "network.Structure",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("structure"),
    )
    category = models.CharField(_("catégorie"), max_length=40, blank=True)
    date = models.DateField(_("date"), null=True, blank=True)
    not_before = models.DateField(_("visible à partir du"), null=True, blank=True)
    indexed_at = models.DateTimeField(auto_now=True, verbose_name=_("indexé le"))

    class Meta:
        verbose_name = _("entrée de l'index de recherche")
        verbose_name_plural = _("index de recherche")
        constraints = [models.UniqueConstraint(fields=["type", "object_id"], name="unique_search_document")]
        indexes = [
            models.Index(fields=["type", "category"], name="search_doc_type_category"),
            models.Index(fields=["visibility", "structure"], name="search_doc_visibility"),
            models.Index(fields=["type", "date"], name="search_doc_type_date"),
        ]

    def __str__(self):
        return f"{self.get_type_display()} : {self.title}"


class SearchFacet(models.Model):
    """A value a document can be filtered and counted by: one of its themes, one of its régions."""

    document = models.ForeignKey(
        SearchDocument, on_delete=models.CASCADE, related_name="facets", verbose_name=_("document")
    )
    name = models.CharField(max_length=10, choices=FacetName.choices, verbose_name=_("nom"))
    value = models.CharField(max_length=40, verbose_name=_("valeur"))

    class Meta:
        verbose_name = _("facette")
        verbose_name_plural = _("facettes")
        constraints = [
            models.UniqueConstraint(fields=["document", "name", "value"], name="unique_search_facet"),
        ]
        indexes = [models.Index(fields=["name", "value", "document"], name="search_facet_lookup")]

    def __str__(self):
        return f"{self.name}={self.value}"


class FtsMatchField(models.TextField):
    """FTS5's hidden column named after its table, the left side of a MATCH."""


@FtsMatchField.register_lookup
class FtsMatch(models.Lookup):
    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class FtsEntry(models.Model):
    """SQLite only: the FTS5 virtual table, joined to its document by rowid (created by a migration)."""

    document = models.OneToOneField(
        SearchDocument,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="fts",
        verbose_name=_("document"),
    )
    search_fts = FtsMatchField(verbose_name=_("texte indexé"))
    rank = models.FloatField(verbose_name=_("rang"))

    class Meta:
        managed = False
        db_table = "search_fts"
        verbose_name = _("entrée plein texte")
        verbose_name_plural = _("entrées plein texte")

    def __str__(self):
        return str(self.pk)


class SimilarFtsEntry(models.Model):
    """SQLite only: the FTS5 table of the created activities (see `backends.SIMILAR_SCOPE`), by rowid."""

    document = models.OneToOneField(
        SearchDocument,
        on_delete=models.DO_NOTHING,
        primary_key=True,
        db_column="rowid",
        related_name="similar_fts",
        verbose_name=_("document"),
    )
    search_similar_fts = FtsMatchField(verbose_name=_("texte comparé"))
    rank = models.FloatField(verbose_name=_("rang"))

    class Meta:
        managed = False
        db_table = "search_similar_fts"
        verbose_name = _("entrée de similarité")
        verbose_name_plural = _("entrées de similarité")

    def __str__(self):
        return str(self.pk)
