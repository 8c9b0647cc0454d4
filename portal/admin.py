import portal.media.admin  # noqa: F401 - registers the media library's admin
