#!/usr/bin/env python3
"""Prints eng/test.sh's closing line, "Total: N passed, N failed, N skipped", summed over every JUnit XML file
under a results directory (the .NET test assemblies' and the eng/ scripts' tests).

    python3 eng/results_summary.py artifacts/test-results/junit --trx artifacts/test-results

The JUnit logger writes a test that xUnit did not run (an explicit test in a default run: VSTest outcome None) like a
passed one, with no <skipped/>. The TRX of the same run says NotExecuted for it, so with --trx such bare test cases
are counted as skipped.
"""

from __future__ import annotations

import argparse
import glob
import os
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass

TRX_NAMESPACE = "{http://microsoft.com/schemas/VisualStudio/TeamTest/2010}"


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


def not_executed(trx_directory: str) -> Counter:
    """Full names of the tests that TRX files under the directory report as NotExecuted (skipped or not run)."""
    names: Counter = Counter()
    for path in sorted(glob.glob(os.path.join(glob.escape(trx_directory), "**", "*.trx"), recursive=True)):
        for result in ET.parse(path).getroot().iter(f"{TRX_NAMESPACE}UnitTestResult"):
            if result.get("outcome") == "NotExecuted":
                names[result.get("testName", "")] += 1
    return names


def not_run_in(suite: ET.Element, not_run: Counter) -> int:
    """Test cases of the suite without a result element that the TRX reports as not executed."""
    count = 0
    for case in suite.iter("testcase"):
        if any(case.find(tag) is not None for tag in ("failure", "error", "skipped")):
            continue
        name = f"{case.get('classname', '')}.{case.get('name', '')}"
        if not_run[name] > 0:
            not_run[name] -= 1
            count += 1
    return count


def add_file(totals: Totals, path: str, not_run: Counter | None = None) -> None:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else root.findall("testsuite")
    for suite in suites:
        tests = count_attribute(suite, "tests", path)
        failed = count_attribute(suite, "failures", path) + count_attribute(suite, "errors", path)
        skipped = count_attribute(suite, "skipped", path) + (not_run_in(suite, not_run) if not_run else 0)
        totals.passed += tests - failed - skipped
        totals.failed += failed
        totals.skipped += skipped


def summarize(directory: str, trx_directory: str | None = None) -> Totals:
    totals = Totals()
    not_run = not_executed(trx_directory) if trx_directory else None
    for path in sorted(glob.glob(os.path.join(glob.escape(directory), "**", "*.xml"), recursive=True)):
        add_file(totals, path, not_run)
    return totals


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Sums JUnit XML results into one closing line.")
    parser.add_argument("directory", help="folder searched recursively for *.xml JUnit files")
    parser.add_argument("--trx", metavar="DIRECTORY",
                        help="folder searched recursively for *.trx files of the same run, to count tests that were not run as skipped")
    arguments = parser.parse_args(argv)
    try:
        totals = summarize(arguments.directory, arguments.trx)
    except (ET.ParseError, ValueError) as error:
        print(f"results summary: bad JUnit file: {error}", file=sys.stderr)
        return 2
    print(totals.line())
    return 0


if __name__ == "__main__":
    sys.exit(main())
