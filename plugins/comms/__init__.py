"""The comms room: private pages and files for comms and legal, written outside the public site.

The site goes to ``output/``; the comms room to its own folder
(``PODIUM_COMMS_PATH``, default ``comms/``), which no deploy target uploads.
It is made from the build's data, never from the public output.

Adding a page is one module and one line: write a module with
``pages(room) -> {relative path: bytes}`` (and ``NAV = (path, {lang: label})``
to appear in the room's navigation), then add its dotted name to
``podium.plugins.comms.pages.PAGES``. Templates go in ``templates/``,
stylesheets and scripts in ``static/`` (copied to ``assets/``).
"""
