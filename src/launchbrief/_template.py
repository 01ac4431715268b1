"""The commented launch template that ``launchbrief new`` writes.

Every placeholder fails validation until it is filled, so an unfinished record can
never be exported by accident and ``launchbrief validate`` lists what is left to do,
one line each. A placeholder is either ``TODO`` where the field takes an id, a date, a
number or a choice (``TODO`` is none of these), or ``""`` where it takes text (text
must not be empty); each such line ends with a ``# TODO:`` comment giving an example of what goes there
(the examples together make a valid launch).
"""

from __future__ import annotations

import json

__all__ = ["MODELINE", "launch_template"]

#: The first line: editors with the YAML language server check the file as it is typed.
MODELINE = (
    "# yaml-language-server: $schema="
    "https://raw.githubusercontent.com/launchbrief/launchbrief/main/schema/launch.schema.json"
)

# The placeholders {id} and {title} are filled by launch_template; no other braces
# are replaced (the YAML's own flow mappings stay as they are).
_TEMPLATE = """\
{modeline}
#
# A new launch record. Replace every TODO and every "" (text to write); each "# TODO:"
# comment gives an example. Until all are filled, `launchbrief validate FILE` lists
# those left, one a line, and export refuses the file. Write only what a source says:
# leave out what is not known, never guess. docs/input-format.md describes every field.

schema_version: 2

# The launch's id: lowercase letters, digits, '-', '_' or '.'; every exported file is
# named after it (<id>.xlsx, <id>.pptx).
id: {id}
# The headline, as a reader would say it: "Northwind Labs releases Aster 2".
title: {title}
# The day this record was last brought up to date, as YYYY-MM-DD.
as_of: TODO  # TODO: 2026-03-10
# A sentence or two on what launched (optional; delete the line if not wanted).
# summary: The Aster 2 family of open-weight models, in two sizes.

# The organization behind the launched models, and the source saying so.
developer:
  name: ""  # TODO: Northwind Labs
  sources: [TODO]  # TODO: blog, the id of a source listed under sources, below

# Dated events (announced, released, weights released, paper), each with its source.
# Sources that disagree on a date are both kept, and reported as a conflict.
dates:
  - event: announced
    date: TODO  # TODO: 2026-03-04
    sources: [TODO]  # TODO: blog

# The license of the launched models, if a source gives one.
# license: {{name: Aster Community License, open_weights: true, sources: [card]}}

# Every model in the record: the launched ones (launched: true, one or many) and
# the rivals their results are compared with (without launched).
models:
  - id: TODO  # TODO: aster-2
    name: ""  # TODO: Aster 2
    launched: true
    sources: [TODO]  # TODO: blog
  # - {{id: rival-a, name: Rival A, developer: Other Lab, sources: [blog]}}

# Reasoning modes, from the fastest (order: 1) to the deepest.
modes: []
  # - {{id: standard, name: Standard, order: 1, sources: [blog]}}

# Where the models ship. kind: app, web, messaging, social, device, api, weights, hub,
# cloud, runtime or other; status: live, rolling_out, preview, planned or unknown.
surfaces: []
  # - {{id: api, name: Northwind API, kind: api, status: live, sources: [blog]}}

# Groups of results compared with each other (a paper's "base models" table and its
# "instruct models" table), with the settings they were run under.
cohorts: []
  # - {{id: instruct, name: Instruction-tuned models, settings: {{shots: 0}}, sources: [card]}}

# The benchmarks the results are on. scale: percent (the default), fraction,
# percentile, points or elo; direction: higher (the default) or lower is better.
benchmarks:
  - id: TODO  # TODO: mmlu
    name: ""  # TODO: MMLU
    category: ""  # TODO: knowledge
    scale: percent

# One result per benchmark and model: a score as the source writes it, or, with no
# number, a claim in the source's words (claim: trails Rival A). Never invent a number.
results:
  - benchmark: TODO  # TODO: mmlu, a benchmark id above
    model: TODO  # TODO: aster-2, a model id above
    score: TODO  # TODO: 88.0
    sources: [TODO]  # TODO: blog

# Safety findings: what an evaluation found, and whether it blocked the release.
safety: []
  # - {{id: cyber, title: No cyber uplift found, evaluator: Northwind Labs, evaluation: internal, sources: [card]}}

# What the models are meant for.
use_cases: []
  # - {{id: coding, title: Coding assistants, sources: [blog]}}

# What the launch means: strengths, weaknesses, strategy.
insights: []
  # - {{id: open, kind: strategy, text: The family ships open weights., sources: [blog]}}

# Every source cited above. kind: vendor, press, third_party or independent.
sources:
  - id: TODO  # TODO: blog
    name: ""  # TODO: Northwind blog
    kind: TODO  # TODO: vendor
    url: ""  # TODO: https://example.org/blog/aster-2
"""


def launch_template(*, id: str | None = None, title: str | None = None) -> str:
    """The commented launch template, with ``id`` and ``title`` filled in if given.

    Without them, both are placeholders that fail validation like the others.
    """
    return _TEMPLATE.format(
        modeline=MODELINE,
        id=_yaml_text(id) if id is not None else "TODO  # TODO: aster-2",
        title=_yaml_text(title)
        if title is not None
        else '""  # TODO: Northwind Labs releases Aster 2',
    )


def _yaml_text(text: str) -> str:
    """``text`` as one double-quoted YAML scalar, whatever it holds."""
    # A JSON string is a double-quoted YAML scalar; characters YAML takes as line
    # breaks or does not allow in a file are escaped too.
    quoted = json.dumps(text, ensure_ascii=False)
    return "".join(
        char if char.isprintable() or char == " " else f"\\u{ord(char):04x}" for char in quoted
    )
