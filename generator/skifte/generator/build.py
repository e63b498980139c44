"""One spec document → the files of its package (in memory)."""

from __future__ import annotations

from skifte.api import Api, build_api
from skifte.spec import SpecDocument

from .formatting import format_python
from .models_module import models_source
from .plan import PackagePlan, plan_package
from .render import models_path, render_package
from .target import Target


def build_files(document: SpecDocument, target: Target) -> dict[str, str]:
    """Every file of the package, formatted: the steps below, one after the other."""
    api = build_api(document)
    plan = package_plan(api, document, target)
    files = render_package(plan)
    files[models_path(plan.package)] = models_source(api, document.data, plan)
    return {
        path: format_python(text) if path.endswith(".py") else text for path, text in files.items()
    }


def package_plan(api: Api, document: SpecDocument, target: Target) -> PackagePlan:
    return plan_package(
        api,
        api_name=target.api_name,
        package=target.package,
        distribution=target.distribution,
        spec_sha256=document.content_sha256,
        servers=tuple((s.description or s.url, s.url) for s in api.servers),
    )


def package_files(document: SpecDocument, target: Target) -> dict[str, str]:
    """Every file but models.py, Python unformatted: the quick step."""
    return render_package(package_plan(build_api(document), document, target))


def models_file(document: SpecDocument, target: Target) -> tuple[str, str]:
    """(path, unformatted code) of models.py: the slow step, run on its own.

    The spec, the model of the API and the plan are let go before datamodel-code-generator
    runs: on a large spec that is the step's (and generation's) peak of memory."""
    import gc

    from .models_module import models_code, models_input

    api = build_api(document)
    plan = package_plan(api, document, target)
    path, models = models_path(plan.package), models_input(api, document.data, plan)
    del document, api, plan
    gc.collect()  # the model of the API holds cycles; the caller may pause the collector
    return path, models_code(models)
