#!/usr/bin/env python3
"""Prints eng/test.sh's closing line, "Total: N passed, N failed, N skipped", summed over every JUnit XML file
under a results directory (the .NET test assemblies' and the eng/ scripts' tests).

    python3 eng/results_summary.py artifacts/test-results/junit
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass


@dataclass
class Totals:
    passed: int = 0
    failed: int = 0
    skipped: int = 0

    def line(self) -> str:
        return f"Total: {self.passed} passed, {self.failed} failed, {self.skipped} skipped"


def count_attribute(suite: ET.Element, name: str, path: str) -> int:
    text = suite.get(name, "0")
    try:
        return int(text)
    except ValueError:
        raise ValueError(f"{path}: testsuite '{suite.get('name', '?')}' has {name}='{text}', expected an integer") from None


def add_file(totals: Totals, path: str) -> None:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for suite in suites:
        tests = count_attribute(suite, "tests", path)
        failed = count_attribute(suite, "failures", path) + count_attribute(suite, "errors", path)
        skipped = count_attribute(suite, "skipped", path)
        totals.passed += tests - failed - skipped
        totals.failed += failed
        totals.skipped += skipped


def summarize(directory: str) -> Totals:
    totals = Totals()
    for path in sorted(glob.glob(os.path.join(glob.escape(directory), "**", "*.xml"), recursive=True)):
        add_file(totals, path)
    return totals


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Sums JUnit XML results into one closing line.")
    parser.add_argument("directory", help="folder searched recursively for *.xml JUnit files")
    arguments = parser.parse_args(argv)
    try:
        totals = summarize(arguments.directory)
    except (ET.ParseError, ValueError) as error:
        print(f"results summary: bad JUnit file: {error}", file=sys.stderr)
        return 2
    print(totals.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
