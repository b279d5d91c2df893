#!/usr/bin/env python3
"""Prints the crate's top-level modules with the modules each uses (outside its tests), and
every import cycle between them, or between the files of one folder; exits 1 when there is
one.

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
def cycles_of(graph):
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(v):
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
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
                found.append(sorted(component))

    for v in list(graph):
        if v not in index:
            visit(v)
    return found


def folder_graphs():
    """For each folder module, its files and the sibling files each uses (the folder's
    `mod.rs`, which declares them, left out)."""
    graphs = {}
    for root, _, files in os.walk("src"):
        if root == "src":
            continue
        top = os.path.relpath(root, "src").replace(os.sep, "::")
        siblings = {n[:-3] for n in files if n.endswith(".rs") and n not in ("mod.rs", "testing.rs")}
        siblings |= {d for d in os.listdir(root) if os.path.isdir(os.path.join(root, d))}
        graph = {}
        for name in files:
            if not name.endswith(".rs") or name in ("mod.rs", "testing.rs"):
                continue
            code = without_tests(open(os.path.join(root, name), encoding="utf-8").read())
            used = set(re.findall(r"super::(\w+)", code))
            used |= set(re.findall(r"crate::" + top + r"::(\w+)", code))
            for group in re.findall(r"use super::\{([^}]*)\}", code):
                used |= set(re.findall(r"(?:^|,)\s*(\w+)", group))
            graph[name[:-3]] = (used & siblings) - {name[:-3]}
        graphs[top] = graph
    return graphs


sys.setrecursionlimit(10_000)
cycles = [" <-> ".join(c) for c in cycles_of(uses)]
for folder, graph in sorted(folder_graphs().items()):
    cycles += [f"{folder}: " + " <-> ".join(c) for c in cycles_of(graph)]
if cycles:
    for c in cycles:
        print("cycle:", c)
    sys.exit(1)
print("no cycle")
