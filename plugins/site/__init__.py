"""The site around the posts: localized dates and words, series, navigation, head metadata, Markdown extras."""
