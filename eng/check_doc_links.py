#!/usr/bin/env python3
"""Checks that every relative link in the repository's Markdown (README.md, docs/, every tracked *.md) resolves: the
file or folder exists and, when the link has a #fragment, the target file has a heading with that GitHub anchor.
Links in code blocks and inline code, absolute URLs and mail links are not checked, nor recorded reports that tests
compare with (*.golden.md): their links point at charts a test writes beside its own output, not at repository files. Prints file:line: problem for each
broken link and exits 1 when there is one.

    python3 eng/check_doc_links.py            # the repository this script is in
    python3 eng/check_doc_links.py ROOT
"""

from __future__ import annotations

import os
import re
import subprocess
import sys

LINK = re.compile(r"!?\[(?:[^\]\\]|\\.)*\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
FENCE = re.compile(r"^ {0,3}(```|~~~)")
INLINE_CODE = re.compile(r"`[^`]*`")
GOLDEN = ".golden.md"


def anchors(path: str) -> set[str]:
    """GitHub's heading anchors of a Markdown file: lower case, punctuation dropped, spaces to hyphens, -1, -2 for repeats."""
    seen: dict[str, int] = {}
    result: set[str] = set()
    for line in prose_lines(path):
        match = HEADING.match(line[1])
        if not match:
            continue
        text = re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", match.group(2)).replace("`", "")
        slug = re.sub(r"[^\w\- ]", "", text.lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        result.add(slug if count == 0 else f"{slug}-{count}")
    return result


def prose_lines(path: str):
    """(line number, text) of the lines outside fenced code blocks."""
    fenced = False
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            if FENCE.match(line):
                fenced = not fenced
                continue
            if not fenced:
                yield number, line


def markdown_files(root: str) -> list[str]:
    try:
        listed = subprocess.run(["git", "-C", root, "ls-files", "--cached", "--others", "--exclude-standard", "*.md"],
                                check=True, capture_output=True, text=True).stdout.split()
        return [os.path.join(root, f) for f in listed if "node_modules/" not in f and not f.endswith(GOLDEN)]
    except (OSError, subprocess.CalledProcessError):
        return [os.path.join(d, f) for d, _, files in os.walk(root) if "node_modules" not in d and "/." not in d
                for f in files if f.endswith(".md") and not f.endswith(GOLDEN)]


def check(root: str) -> list[str]:
    problems: list[str] = []
    cache: dict[str, set[str]] = {}
    for path in sorted(markdown_files(root)):
        for number, line in prose_lines(path):
            for target in LINK.findall(INLINE_CODE.sub("", line)):
                if re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I):
                    continue
                file_part, _, fragment = target.partition("#")
                resolved = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
                where = f"{os.path.relpath(path, root)}:{number}"
                if not os.path.exists(resolved):
                    problems.append(f"{where}: link '{target}': {os.path.relpath(resolved, root)} does not exist")
                elif fragment and resolved.endswith(".md"):
                    known = cache.setdefault(resolved, anchors(resolved))
                    if fragment.lower() not in known:
                        problems.append(f"{where}: link '{target}': no heading with anchor '#{fragment}' in {os.path.relpath(resolved, root)}")
    return problems


def main(argv: list[str]) -> int:
    root = argv[1] if len(argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    problems = check(root)
    for problem in problems:
        print(problem)
    print(f"doc links: {len(problems)} broken" if problems else "doc links: all relative links resolve")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
