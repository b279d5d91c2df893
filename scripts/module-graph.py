#!/usr/bin/env python3
"""Prints the crate's top-level modules with the modules each uses (outside its tests), and
every import cycle between them; exits 1 when there is one.

    scripts/module-graph.py
"""
import collections
import os
import re
import sys

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
TEST_MODULE = re.compile(r"#\[cfg\(test\)\]\s*(pub(\(crate\))?\s+)?mod \w+\s*(\{|;)")


def top_module(path):
    parts = os.path.relpath(path, "src")[:-3].split(os.sep)
    return parts[0]


def without_tests(source):
    """The source before its first test module, and without one-line doc links."""
    m = TEST_MODULE.search(source)
    if m:
        source = source[: m.start()]
    return "\n".join(l for l in source.splitlines() if not l.lstrip().startswith("//"))


uses = collections.defaultdict(set)
for root, _, files in os.walk("src"):
    for name in files:
        path = os.path.join(root, name)
        if not name.endswith(".rs") or path in ("src/main.rs", "src/lib.rs"):
            continue
        # Files only tests compile.
        if name == "testing.rs":
            continue
        top = top_module(path)
        code = without_tests(open(path, encoding="utf-8").read())
        found = set(re.findall(r"crate::(\w+)", code))
        for group in re.findall(r"use crate::\{([^}]*)\}", code):
            found |= set(re.findall(r"(?:^|,)\s*(\w+)", group))
        uses[top] |= found - {top}

for module in sorted(uses):
    print(f"{module} -> {', '.join(sorted(uses[module]))}")

# Tarjan's strongly connected components: a component of more than one module is a cycle.
index, low, stack, on_stack, cycles = {}, {}, [], set(), []


def visit(v):
    index[v] = low[v] = len(index)
    stack.append(v)
    on_stack.add(v)
    for w in uses.get(v, ()):
        if w not in index:
            visit(w)
            low[v] = min(low[v], low[w])
        elif w in on_stack:
            low[v] = min(low[v], index[w])
    if low[v] == index[v]:
        component = []
        while True:
            w = stack.pop()
            on_stack.discard(w)
            component.append(w)
            if w == v:
                break
        if len(component) > 1:
            cycles.append(sorted(component))


sys.setrecursionlimit(10_000)
for v in list(uses):
    if v not in index:
        visit(v)
if cycles:
    for c in cycles:
        print("cycle:", " <-> ".join(c))
    sys.exit(1)
print("no cycle")
