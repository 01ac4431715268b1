"""Sample launch texts shared by several test modules."""

#: A launch file with one mistake of each common kind, each on a known line.
BAD_YAML = """\
id: bad-launch
title: A launch with mistakes
developer: {name: Acme}
model: {id: alpha}
models:
  - {id: alpha, name: Alpha}
  - {id: gpt-5-4, name: GPT 5.4}
benchmarks:
  - {id: bench, name: Bench, category: reasoning, scale: percnt}
results:
  - {benchmark: bench, model: alpha, score: n/a}
  - {benchmark: bench, model: gpt5, score: 80.2}
  - benchmark: bench
    model: gpt-5-4
    scroe: 12
surfaces:
  - {id: app, kind: app, status: live}
"""
