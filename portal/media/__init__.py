"""The media library editors place in body texts: images, documents and videos.

``images`` also holds the one upload path every uploaded image of the site goes through
(``StrippedImageField``); ``embeds`` turns the references editors type in a body
(``[bild:12]``, ``[dokument:5]``, ``[video:3]``) into HTML.
"""
