"""Database pieces that only PostgreSQL has, kept out of SQLite's way."""

from django.db.migrations.operations import AddField, AddIndex, RemoveIndex


class PostgresOnlyAddIndex(AddIndex):
    """AddIndex that builds the index on PostgreSQL and does nothing elsewhere.

    GIN indexes over ``to_tsvector`` exist only in PostgreSQL; SQLite (development and the
    plain test run) keeps the model state but no index, and searches without one. Such an
    index is dropped by PostgresOnlyRemoveIndex.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class PostgresOnlyRemoveIndex(RemoveIndex):
    """RemoveIndex for an index that PostgresOnlyAddIndex created."""

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_forwards(app_label, schema_editor, from_state, to_state)

    def database_backwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor == "postgresql":
            super().database_backwards(app_label, schema_editor, from_state, to_state)


class AddFieldWithoutRebuild(AddField):
    """AddField that SQLite does with ALTER TABLE ADD COLUMN, keeping the default in the
    column, where Django would rebuild the table for a field with a default.

    A rebuild creates the model's indexes anew, the PostgreSQL-only search indexes among
    them, which SQLite cannot parse. PostgreSQL adds the field as AddField always does.
    """

    def database_forwards(self, app_label, schema_editor, from_state, to_state):
        if schema_editor.connection.vendor != "sqlite":
            return super().database_forwards(app_label, schema_editor, from_state, to_state)
        model = to_state.apps.get_model(app_label, self.model_name)
        field = model._meta.get_field(self.name)
        definition, params = schema_editor.column_sql(model, field, include_default=True)
        quote = schema_editor.quote_name
        schema_editor.execute(
            f"ALTER TABLE {quote(model._meta.db_table)} ADD COLUMN {quote(field.column)} "
            f"{definition}",
            params,
        )
        return None
