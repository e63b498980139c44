"""The use finder: how names of the old package are followed through the integrator's code."""

from __future__ import annotations

import ast
import textwrap

import pytest

from skifte.contracts.upgrade_check.surface import Surface, read_surface
from skifte.contracts.upgrade_check.uses import find_uses
from tests.conftest import PROJECT

PACKAGE = "skifteportal_doedsbo_v1_2_0"
MODELS = f"{PACKAGE}.models"
CLIENT = f"{PACKAGE}.client.Client"


@pytest.fixture(scope="module")
def surface() -> Surface:
    return read_surface(PROJECT / "generated" / "skifteportal-doedsbo-v1_2_0" / PACKAGE, PACKAGE)


def uses(surface: Surface, source: str) -> set[tuple[int, str, str]]:
    tree = ast.parse(textwrap.dedent(source))
    return {(u.line, u.kind, u.symbol) for u in find_uses(tree, "app.py", surface)}


def test_aliases_and_attribute_chains(surface: Surface) -> None:
    found = uses(
        surface,
        """
        import skifteportal_doedsbo_v1_2_0 as sk
        import skifteportal_doedsbo_v1_2_0.models
        from skifteportal_doedsbo_v1_2_0 import models as m, Client as C
        a = sk.models.Bilag
        b = skifteportal_doedsbo_v1_2_0.models.Krav
        c = m.Kreditor(navn="x")
        d = C(base_url="x").get_bo("1").kontaktperson
        """,
    )
    assert {
        (5, "name", f"{MODELS}.Bilag"),
        (6, "name", f"{MODELS}.Krav"),
        (7, "construct", f"{MODELS}.Kreditor"),
        (7, "keyword", f"{MODELS}.Kreditor.navn"),
        (8, "call", f"{CLIENT}.get_bo"),
        (8, "read", f"{MODELS}.Doedsbojournal.kontaktperson"),
    } <= found


def test_values_followed_through_assignments_loops_and_methods(surface: Surface) -> None:
    found = uses(
        surface,
        """
        from skifteportal_doedsbo_v1_2_0 import *

        class Sync:
            def __init__(self, client: Client) -> None:
                self.client = client

            async def pages(self, estate):
                async with AsyncClient(base_url="x") as other:
                    first = await other.get_bilag(estate, "b")
                for bilag in self.client.with_options(timeout=1).iter_list_bilag(estate):
                    n = bilag.antal_sider
                pages = [b.antal_sider for b in self.client.list_bilag(estate)]
                if (bo := self.client.get_bo(estate)) is not None:
                    return bo.skifteret, n, first.filnavn
        """,
    )
    assert {
        (10, "call", f"{PACKAGE}.client.AsyncClient.get_bilag"),
        (12, "read", f"{MODELS}.Bilag.antal_sider"),
        (13, "read", f"{MODELS}.Bilag.antal_sider"),
        (15, "read", f"{MODELS}.Doedsbojournal.skifteret"),
        (15, "read", f"{MODELS}.Bilag.antal_sider"),  # through `n`
        (15, "read", f"{MODELS}.Bilag.filnavn"),
    } <= found


def test_names_the_package_does_not_own_are_not_uses(surface: Surface) -> None:
    found = uses(
        surface,
        """
        from other_package import Client
        Client().get_bo("1").kontaktperson
        def f(bilag):
            return bilag.antal_sider
        """,
    )
    assert found == set()
