"""JUnit XML for CI systems: one test case per change, each breaking change a failure."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ..change import DiffResult


def render(result: DiffResult) -> str:
    breaking = result.count("breaking")
    counts = {"tests": str(len(result.changes)), "failures": str(breaking), "errors": "0"}
    suites = ET.Element("testsuites", {"name": "skifte diff", **counts})
    suite = ET.SubElement(
        suites,
        "testsuite",
        {"name": f"{result.base} → {result.revision}", **counts, "skipped": "0"},
    )
    for change in result.changes:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": change.operation or "(document)",
                "name": f"{change.id}: {change.target}",
            },
        )
        detail = "\n".join([change.pointer, *(f"affects {a}" for a in change.affects)])
        if change.level == "breaking":
            failure = ET.SubElement(case, "failure", {"type": change.id, "message": change.message})
            failure.text = detail
        else:
            out = ET.SubElement(case, "system-out")
            out.text = f"{change.level}: {change.message}\n{detail}"
    ET.indent(suites)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(suites, encoding="unicode") + "\n"
    )


def suites(name: str, title: str, tests: int, failures: int) -> tuple[ET.Element, ET.Element]:
    """A JUnit report's root and its one suite, counted, for a check's writer to fill."""
    counts = {"tests": str(tests), "failures": str(failures), "errors": "0"}
    root = ET.Element("testsuites", {"name": name, **counts})
    return root, ET.SubElement(root, "testsuite", {"name": title, **counts, "skipped": "0"})


def document(root: ET.Element) -> str:
    """The report's XML text: indented, with its declaration."""
    ET.indent(root)
    declaration = '<?xml version="1.0" encoding="UTF-8"?>\n'
    return declaration + ET.tostring(root, encoding="unicode") + "\n"
