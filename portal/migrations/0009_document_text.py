"""The text of the PDFs uploaded before the site search read them."""

from django.db import migrations


def extract_pdf_text(apps, schema_editor):
    from portal.media.documents import pdf_text

    Document = apps.get_model("portal", "Document")
    for document in Document.objects.filter(extension="pdf", text="").iterator():
        try:
            with document.file.open("rb") as file:
                text = pdf_text(file)
        except OSError:  # a file missing from storage keeps its document, unsearchable
            continue
        if text:
            Document.objects.filter(pk=document.pk).update(text=text)


class Migration(migrations.Migration):

    dependencies = [
        ("portal", "0008_search"),
    ]

    operations = [
        migrations.RunPython(extract_pdf_text, migrations.RunPython.noop, elidable=True),
    ]
