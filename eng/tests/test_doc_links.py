"""Tests of eng/check_doc_links.py: on synthetic Markdown, and on this repository's own README and docs."""

from __future__ import annotations

import os
import sys
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from scratch_directory import ScratchDirectoryTestCase  # noqa: E402
import check_doc_links  # noqa: E402

REPO_ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


class DocLinksTests(ScratchDirectoryTestCase):
    def test_every_relative_link_of_the_repository_resolves(self):
        self.assertEqual([], check_doc_links.check(REPO_ROOT))

    def test_missing_files_and_anchors_are_named_with_file_and_line(self):
        self.write("README.md", "# Top\n\nSee [a](docs/a.md#the-part), [b](docs/b.md), [c](docs/a.md#nothing).\n")
        self.write("docs/a.md", "# A\n\n## The part\n")

        problems = check_doc_links.check(self.directory)

        self.assertEqual(2, len(problems), problems)
        self.assertIn("README.md:3: link 'docs/b.md'", problems[0])
        self.assertIn("README.md:3: link 'docs/a.md#nothing': no heading with anchor '#nothing'", problems[1])

    def test_anchors_follow_github_rules(self):
        self.write("a.md", "# Is it real? Yes, `code` (x)\n\n## Repeat\n\n## Repeat\n")

        self.assertEqual({"is-it-real-yes-code-x", "repeat", "repeat-1"}, check_doc_links.anchors(os.path.join(self.directory, "a.md")))

    def test_code_urls_and_own_anchors_are_not_links_to_files(self):
        self.write("a.md", "# Top\n\n```\n[x](missing.md)\n```\n`[y](missing.md)` [w](https://example.com/x.md) [z](#top)\n")

        self.assertEqual([], check_doc_links.check(self.directory))

    def test_recorded_golden_reports_are_not_checked(self):
        self.write("tests/Fixtures/report.golden.md", "# Report\n\n![chart](charts/written-by-the-test.png)\n")
        self.write("docs/a.md", "# A\n\n![chart](charts/missing.png)\n")

        problems = check_doc_links.check(self.directory)

        self.assertEqual(1, len(problems), problems)
        self.assertIn("docs/a.md:3", problems[0])


if __name__ == "__main__":
    unittest.main()
