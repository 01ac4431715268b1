"""MkDocs hooks: the reference pages are written from the code as the site is built.

A page holds a marker line where generated Markdown goes (``reference_pages.py`` writes it):

- ``<!-- launchbrief:fields RECORD -->``: the field table of a record of the JSON Schema
  (``Launch`` for the top level), under the heading its links point to;
- ``<!-- launchbrief:patterns -->``: the schema's regular expressions, by the names the
  field tables give them (``id``, ``text``, ``date``);
- ``<!-- launchbrief:enumerations -->``: every list of choices of the schema;
- ``<!-- launchbrief:cli -->``: the command-line reference, from the argparse parser;
- ``<!-- launchbrief:api launchbrief -->``: every name of ``launchbrief.__all__``;
- ``<!-- launchbrief:module MODULE -->``: a module's own ``__all__`` (the plugin APIs).

A page with a ``fields`` marker must have one for every record of the schema, so a record
added to the model cannot go undocumented. Links from a page to a file of the repository
outside ``docs/`` (``../examples/zephyr-7b-beta.yaml``) become links to that file in the
repository (``repo_url``). Every problem is logged as a warning, which ``strict: true``
turns into a failed build.
"""

from __future__ import annotations

import logging
import posixpath
import re
from pathlib import Path

import reference_pages as pages
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.launchbrief")

_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#|/)(?P<target>[^)\s#]+)(?P<anchor>#[^)\s]*)?\)")


def _repository_link(target: str, page: Page, config: MkDocsConfig) -> str | None:
    """The repository URL of a link that leaves the docs folder, or None for one that stays."""
    docs = Path(config.docs_dir)
    root = docs.parent
    within = posixpath.normpath(posixpath.join(posixpath.dirname(page.file.src_uri), target))
    if not within.startswith("../"):
        return None
    relative = posixpath.normpath(posixpath.join(docs.name, within))
    if relative.startswith("../") or not (root / relative).exists():
        log.warning("%s: link to %s, which is not in the repository", page.file.src_uri, target)
        return None
    if not config.repo_url:
        log.warning("%s: link to %s outside docs/ needs repo_url", page.file.src_uri, target)
        return None
    kind = "tree" if (root / relative).is_dir() else "blob"
    return f"{config.repo_url.rstrip('/')}/{kind}/main/{relative}"


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """Fill the page's markers with generated Markdown and point outside links at the repository."""
    for record in pages.missing_records(markdown):
        log.warning(
            "%s: the record %r of the JSON Schema has no field table: add a heading and the "
            "line <!-- launchbrief:fields %s --> under it",
            page.file.src_uri,
            record,
            record,
        )

    def repository(match: re.Match[str]) -> str:
        url = _repository_link(match["target"], page, config)
        return match.group(0) if url is None else f"]({url}{match['anchor'] or ''})"

    out = []
    for inside, line in pages.lines_outside_fences(markdown):
        marker = None if inside else pages.MARKER.match(line.rstrip("\n"))
        if inside:
            out.append(line)
        elif marker:
            try:
                out.append(pages.generate(marker["kind"], marker["arg"], markdown))
            except ValueError as error:
                log.warning("%s: %s", page.file.src_uri, error)
                out.append(line)
        else:
            out.append(_LINK.sub(repository, line))
    return "".join(out)
