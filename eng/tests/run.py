#!/usr/bin/env python3
"""Runs the tests of the eng/ scripts (eng/tests/test_*.py, standard unittest) and writes their results as
JUnit XML, so eng/test.sh counts them with the .NET tests in its closing line and any CI can read them.

    python3 eng/tests/run.py --junit artifacts/test-results/junit/eng-scripts.xml
"""

from __future__ import annotations

import argparse
import os
import sys
import time
import unittest
import xml.etree.ElementTree as ET


class RecordingResult(unittest.TextTestResult):
    """A text result that also keeps each test's outcome and duration for the JUnit file."""

    def __init__(self, stream, descriptions, verbosity):
        super().__init__(stream, descriptions, verbosity)
        self.records: list[tuple[unittest.TestCase, str, str, float]] = []
        self._started = 0.0

    def startTest(self, test):
        self._started = time.perf_counter()
        super().startTest(test)

    def _record(self, test, outcome, detail=""):
        self.records.append((test, outcome, detail, time.perf_counter() - self._started))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", self.failures[-1][1])

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", self.errors[-1][1])

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason)

    def addExpectedFailure(self, test, err):
        super().addExpectedFailure(test, err)
        self._record(test, "passed")

    def addUnexpectedSuccess(self, test):
        super().addUnexpectedSuccess(test)
        self._record(test, "failure", "unexpected success of a test marked expectedFailure")


def junit_document(records, suite_name: str) -> ET.ElementTree:
    count = lambda outcome: sum(1 for r in records if r[1] == outcome)  # noqa: E731
    suite = ET.Element("testsuite", name=suite_name, tests=str(len(records)), failures=str(count("failure")),
                       errors=str(count("error")), skipped=str(count("skipped")),
                       time=f"{sum(r[3] for r in records):.3f}")
    for test, outcome, detail, seconds in records:
        case = ET.SubElement(suite, "testcase", classname=type(test).__module__ + "." + type(test).__qualname__,
                             name=getattr(test, "_testMethodName", str(test)), time=f"{seconds:.3f}")
        if outcome != "passed":
            ET.SubElement(case, outcome, message=detail.strip().splitlines()[-1] if detail.strip() else outcome).text = detail
    root = ET.Element("testsuites")
    root.append(suite)
    return ET.ElementTree(root)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Runs eng/tests/test_*.py and writes JUnit XML.")
    parser.add_argument("--junit", help="path of the JUnit XML file to write")
    parser.add_argument("--start-dir", default=os.path.dirname(os.path.abspath(__file__)))
    arguments = parser.parse_args(argv)

    suite = unittest.defaultTestLoader.discover(arguments.start_dir, pattern="test_*.py", top_level_dir=arguments.start_dir)
    result = unittest.TextTestRunner(verbosity=2, resultclass=RecordingResult).run(suite)
    if result.testsRun == 0:
        print(f"no tests found under {arguments.start_dir}", file=sys.stderr)
        return 1
    if arguments.junit:
        os.makedirs(os.path.dirname(os.path.abspath(arguments.junit)), exist_ok=True)
        junit_document(result.records, "eng-scripts").write(arguments.junit, encoding="utf-8", xml_declaration=True)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
