"""Every place the integrator's code uses the old package, found in its syntax trees.

Names are followed through `import`/`from … import` (with aliases and `import *`),
attribute chains (`pkg.models.Bilag`), calls (a class builds an instance, a client
method answers its annotated return type), simple assignments (`x = …`, `x: T = …`,
`x := …`, `self.x = …` within a class), `for` loops and comprehensions over lists and
pagers, `with … as`, `await`, subscripts, and parameters annotated with package types.

It is not a type checker, and does not pretend to be. Not followed: values passed
through unannotated parameters, returned from the integrator's own unannotated
functions, held in containers the code builds, unpacked from tuples, or reached
through `getattr`, `isinstance` narrowing or re-exports in the integrator's modules.
A use it misses is still type-checked: a failure there is listed, without a symbol.
"""

from __future__ import annotations

import ast

from . import values
from .annotations import annotation_type
from .recorder import Recorder, Use
from .surface import Surface
from .values import Type, Value

MODEL_CONSTRUCTORS = frozenset({"model_validate", "model_validate_json", "model_construct"})


def find_uses(tree: ast.Module, path: str, surface: Surface) -> list[Use]:
    """Every use of `surface`'s package in one module of the integrator's code."""
    found = Recorder(path, surface)
    _Walker(found).block(tree.body, {})
    return sorted(found.uses)


Env = dict[str, Value]


class _Walker:
    def __init__(self, file: Recorder) -> None:
        self.file = file
        self.surface = file.surface

    # --- statements ---------------------------------------------------------------

    def block(self, body: list[ast.stmt], env: Env) -> None:
        for node in body:
            self.file.statement = _header(node)
            self.statement(node, env)

    def statement(self, node: ast.stmt, env: Env) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            self.imports(node, env)
        elif isinstance(node, ast.Assign):
            held = self.expr(node.value, env)
            for target in node.targets:
                self.bind(target, held, env)
        elif isinstance(node, ast.AnnAssign):
            declared = self.annotation(node.annotation, env)
            held = self.expr(node.value, env) if node.value else None
            self.bind(node.target, held or values.value(declared), env)
        elif isinstance(node, ast.For | ast.AsyncFor):
            self.bind(node.target, values.element(self.expr(node.iter, env)), env)
            self.block(node.body, env)
            self.block(node.orelse, env)
        elif isinstance(node, ast.With | ast.AsyncWith):
            for item in node.items:
                held = self.expr(item.context_expr, env)
                if item.optional_vars is not None:
                    self.bind(item.optional_vars, held, env)
            self.block(node.body, env)
        elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self.function(node, env)
        elif isinstance(node, ast.ClassDef):
            self.class_body(node, env)
        else:
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    self.expr(child, env)
            for name in ("body", "orelse", "finalbody", "handlers", "cases"):
                for child in getattr(node, name, []):
                    if isinstance(child, ast.stmt):
                        self.block([child], env)
                    elif isinstance(child, ast.ExceptHandler | ast.match_case):
                        self.block(child.body, env)

    def imports(self, node: ast.Import | ast.ImportFrom, env: Env) -> None:
        package = self.surface.package
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == package or alias.name.startswith(package + "."):
                    bound = alias.name if alias.asname else alias.name.split(".")[0]
                    env[alias.asname or bound] = values.module(bound)
            return
        source = node.module or ""
        if node.level or not (source == package or source.startswith(package + ".")):
            return
        for alias in node.names:
            if alias.name == "*":
                for name, local in _public_names(self.surface, source):
                    env[local] = self.named(name, node, "import")
                continue
            held = self.named(f"{source}.{alias.name}", node, "import")
            env[alias.asname or alias.name] = held

    def named(self, dotted: str, node: ast.AST, kind: str) -> Value:
        """A dotted package name as a value: a module, a class, or another name (a use)."""
        if dotted in self.surface.modules:
            return values.module(dotted)
        symbol = self.surface.canonical(dotted)
        self.file.add(node, symbol, kind)
        if symbol in self.surface.classes:
            return values.class_(symbol)
        return Value("value", symbol)

    def function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, env: Env) -> None:
        for decorator in node.decorator_list:
            self.expr(decorator, env)
        inner = dict(env)
        arguments = node.args
        every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
        every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
        for default in [*arguments.defaults, *arguments.kw_defaults]:
            if default is not None:
                self.expr(default, env)
        for argument in every:
            inner.pop(argument.arg, None)
            if argument.annotation is not None:
                declared = self.annotation(argument.annotation, env)
                if held := values.value(declared):
                    inner[argument.arg] = held
        if node.returns is not None:
            self.annotation(node.returns, env)
        self.block(node.body, inner)
        # What a method keeps on `self` its class's other methods see (see class_body).
        env.update((key, held) for key, held in inner.items() if key.startswith("self."))

    def class_body(self, node: ast.ClassDef, env: Env) -> None:
        for expression in [*node.bases, *node.decorator_list]:
            self.expr(expression, env)
        # `self.client = …` in one method is seen in the others: a first pass collects it.
        shared = dict(env)
        for _ in range(2):
            self.block(node.body, shared)

    def bind(self, target: ast.expr, held: Value | None, env: Env) -> None:
        key = _binding_key(target)
        if key is None:
            for name in ast.walk(target):
                if isinstance(name, ast.Name):
                    env.pop(name.id, None)
            return
        if held is None:
            env.pop(key, None)
        else:
            env[key] = held

    def annotation(self, node: ast.expr, env: Env) -> Type | None:
        return annotation_type(node, lambda n: self.expr(n, env, "annotation"))

    # --- expressions --------------------------------------------------------------

    def expr(self, node: ast.expr, env: Env, kind: str = "name") -> Value | None:
        if isinstance(node, ast.Name):
            held = env.get(node.id)
            if held is not None and held.origin:
                self.file.add(node, held.origin, "read", via=held.read_at)
            elif held is not None and held.kind == "class":  # isinstance(x, Bilag), too
                self.file.add(node, held.symbol, kind)
            return held
        if isinstance(node, ast.Attribute):
            return self.attribute(node, env, kind)
        if isinstance(node, ast.Call):
            return self.call(node, env)
        if isinstance(node, ast.Await):
            return self.expr(node.value, env)
        if isinstance(node, ast.Subscript):
            base = self.expr(node.value, env, kind)
            self.expr(node.slice, env, kind)
            return values.element(base)
        if isinstance(node, ast.NamedExpr):
            held = self.expr(node.value, env)
            self.bind(node.target, held, env)
            return held
        if isinstance(node, ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp):
            return self.comprehension(node, env)
        if isinstance(node, ast.Lambda):
            return self.expr(node.body, dict(env))
        results = [self.expr(child, env, kind) for child in _expressions(node)]
        if isinstance(node, ast.IfExp | ast.BoolOp):
            return next((r for r in results[1:] if r is not None), None)
        return None

    def attribute(self, node: ast.Attribute, env: Env, kind: str) -> Value | None:
        key = _binding_key(node)
        if key is not None and key in env:
            return env[key]
        base = self.expr(node.value, env, kind)
        if base is None:
            return None
        if base.kind == "module":
            return self.named(f"{base.symbol}.{node.attr}", node, kind)
        if base.kind == "class":
            if node.attr in MODEL_CONSTRUCTORS:
                self.file.add(node, base.symbol, "construct", answers=values.value(_t(base)))
                return Value("method", base.symbol, _t(base))
            return self.member(node, Type(base.symbol), class_access=True)
        if base.kind == "value" and base.type is not None:
            return self.member(node, base.type, class_access=False)
        return None

    def member(self, node: ast.Attribute, owner: Type, class_access: bool) -> Value | None:
        if owner.name not in self.surface.classes:
            return None
        found = self.surface.member(owner.name, node.attr)
        if found is None:
            self.file.add(node, f"{owner.name}.{node.attr}", "read")
            return None
        returns = values.specialised(found.type, owner)
        others = {found.declared} - {found.symbol}
        if class_access:  # an enum member: the diff names the fields that carry it
            others.update(self.surface.typed_as(owner.name))
        also = tuple(sorted(others))
        if found.method and not class_access:
            self.file.add(node, found.symbol, "call", also, values.value(returns))
            return Value("method", found.symbol, returns)
        self.file.add(node, found.symbol, "read", also)
        return values.value(returns, origin=found.symbol, read_at=node.lineno)

    def call(self, node: ast.Call, env: Env) -> Value | None:
        called = self.expr(node.func, env)
        for argument in node.args:
            self.expr(argument, env)
        for keyword in node.keywords:
            self.expr(keyword.value, env)
            if called is not None and called.kind == "class" and keyword.arg:
                self.file.add(keyword.value, f"{called.symbol}.{keyword.arg}", "keyword")
        if called is None:
            return None
        if called.kind == "class":
            built = values.value(_t(called))
            self.file.add(node, called.symbol, "construct", answers=built)
            return built
        if called.kind == "method":
            return values.value(called.type)
        return None

    def comprehension(
        self, node: ast.ListComp | ast.SetComp | ast.GeneratorExp | ast.DictComp, env: Env
    ) -> Value | None:
        inner = dict(env)
        for generator in node.generators:
            self.bind(generator.target, values.element(self.expr(generator.iter, inner)), inner)
            for condition in generator.ifs:
                self.expr(condition, inner)
        parts = [node.key, node.value] if isinstance(node, ast.DictComp) else [node.elt]
        held = [self.expr(part, inner) for part in parts]
        if isinstance(node, ast.ListComp) and held[0] is not None and held[0].type:
            return values.value(Type("list", held[0].type))
        return None


def _header(node: ast.stmt) -> tuple[int, int]:
    """A statement's lines; of a compound one (`def`, `for`, `with`), its header's."""
    inner = getattr(node, "body", None)
    if isinstance(inner, list) and inner and isinstance(inner[0], ast.stmt):
        return node.lineno, max(node.lineno, inner[0].lineno - 1)
    return node.lineno, node.end_lineno or node.lineno


def _t(held: Value) -> Type:
    return Type(held.symbol)


def _binding_key(target: ast.expr) -> str | None:
    """`x` or `self.x`: the targets whose value the finder keeps."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute) and isinstance(target.value, ast.Name):
        return f"{target.value.id}.{target.attr}"
    return None


def _public_names(surface: Surface, module: str) -> list[tuple[str, str]]:
    """What `from module import *` binds: (dotted name, local name)."""
    prefix = module + "."
    return [
        (name, name[len(prefix) :])
        for name in surface.names
        if name.startswith(prefix)
        and "." not in name[len(prefix) :]
        and not name[len(prefix) :].startswith("_")
    ]


def _expressions(node: ast.expr) -> list[ast.expr]:
    return [child for child in ast.iter_child_nodes(node) if isinstance(child, ast.expr)]
