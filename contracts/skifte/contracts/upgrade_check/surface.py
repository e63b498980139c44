"""What a generated package offers, read from its source: classes, fields, methods, their types.

The use finder needs to know that `client.get_bilag(...)` answers a `Bilag` and that
`Bilag.antal_sider` is a field, without importing the package (the code it was made
for may be long gone from the environment). Generated modules are regular and fully
annotated, so reading their syntax tree is enough.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

from .annotations import annotation_type
from .values import Type, Value, class_


@dataclass
class ClassInfo:
    symbol: str
    """Canonical: the module that defines it, then the class (`pkg.models.Bilag`)."""
    members: dict[str, Type | None] = field(default_factory=dict)
    """Fields and properties: the type of their value. Methods: the type they return."""
    methods: set[str] = field(default_factory=set)
    bases: list[str] = field(default_factory=list)


@dataclass
class Surface:
    package: str
    modules: set[str] = field(default_factory=set)
    classes: dict[str, ClassInfo] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    """Every importable name (`pkg.Client`, `pkg.models.Bilag`) → its canonical symbol."""
    _typed: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def canonical(self, dotted: str) -> str:
        return self.names.get(dotted, dotted)

    def typed_as(self, cls: str) -> tuple[str, ...]:
        """The fields whose type is `cls` (an enum's: where its members are sent and read)."""
        if cls in self._typed:
            return self._typed[cls]
        found = []
        for owner in self.classes:
            for name in self._member_names(owner):
                member = self.member(owner, name)
                if member and not member.method and member.type and member.type.name == cls:
                    found.append(member.symbol)
        self._typed[cls] = tuple(sorted(found))
        return self._typed[cls]

    def _member_names(self, cls: str) -> set[str]:
        info = self.classes.get(cls)
        if info is None:
            return set()
        return set(info.members).union(*(self._member_names(base) for base in info.bases))

    def member(self, cls: str, name: str) -> Member | None:
        """`name` on class `cls` or one of its bases in the package, else None."""
        seen: set[str] = set()
        pending = [cls]
        while pending:
            current = pending.pop(0)
            info = self.classes.get(current)
            if info is None or current in seen:
                continue
            seen.add(current)
            if name in info.members:
                return Member(
                    f"{cls}.{name}", f"{current}.{name}", info.members[name], name in info.methods
                )
            pending.extend(info.bases)
        return None


@dataclass(frozen=True)
class Member:
    symbol: str
    """On the class the code named: `pkg.client.Client.with_options`."""
    declared: str
    """On the class that declares it (a base class, perhaps)."""
    type: Type | None
    """A field's or property's value; what a method returns."""
    method: bool


def read_surface(folder: Path, package: str) -> Surface:
    """The surface of the package whose modules are in `folder` (the import package)."""
    surface = Surface(package)
    trees = {
        _module_name(package, path.relative_to(folder)): ast.parse(
            path.read_text(encoding="utf-8"), filename=str(path)
        )
        for path in sorted(folder.rglob("*.py"))
    }
    surface.modules.update(trees)
    imports = {module: _imports(module, tree, package) for module, tree in trees.items()}
    for module, tree in trees.items():
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                symbol = f"{module}.{node.name}"
                surface.names[symbol] = symbol
                surface.classes[symbol] = ClassInfo(symbol)
    # Names bound by imports resolve once every class is known: `__init__` re-exports.
    for _ in range(3):
        for module, bound in imports.items():
            for local, target in bound.items():
                surface.names[f"{module}.{local}"] = surface.canonical(target)
    for module, tree in trees.items():
        scope = _Scope(module, imports[module], surface)
        for node in tree.body:
            if isinstance(node, ast.ClassDef):
                _read_class(node, surface.classes[f"{module}.{node.name}"], scope)
    return surface


def _module_name(package: str, relative: Path) -> str:
    parts = [package, *relative.with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _imports(module: str, tree: ast.Module, package: str) -> dict[str, str]:
    """Names a module binds from the package itself (relative imports), to dotted targets."""
    bound: dict[str, str] = {}
    base = module if module == package else module.rsplit(".", 1)[0]
    for node in tree.body:
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            source = f"{base}.{node.module}" if node.module else base
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{source}.{alias.name}"
    return bound


@dataclass
class _Scope:
    module: str
    imports: dict[str, str]
    surface: Surface

    def resolve(self, name: str) -> str | None:
        if name in self.imports:
            return self.surface.canonical(self.imports[name])
        local = f"{self.module}.{name}"
        return local if local in self.surface.classes else None

    def annotation(self, node: ast.expr | None) -> Type | None:
        """The type an annotation names, as far as the use finder follows types."""
        return None if node is None else annotation_type(node, self._name)

    def _name(self, node: ast.expr) -> Value | None:
        if isinstance(node, ast.Name):
            if node.id == "T":
                return class_("T")
            resolved = self.resolve(node.id)
            return class_(resolved) if resolved else None
        return None


def _read_class(node: ast.ClassDef, info: ClassInfo, scope: _Scope) -> None:
    for base in node.bases:
        target = base.value if isinstance(base, ast.Subscript) else base
        if isinstance(target, ast.Name) and (resolved := scope.resolve(target.id)):
            info.bases.append(resolved)
    for item in node.body:
        if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
            info.members[item.target.id] = scope.annotation(item.annotation)
        elif isinstance(item, ast.Assign):  # enum members, constants
            for target in item.targets:
                if isinstance(target, ast.Name):
                    info.members[target.id] = Type(info.symbol)
        elif isinstance(item, ast.FunctionDef | ast.AsyncFunctionDef):
            returns = item.returns
            if isinstance(returns, ast.Name) and returns.id == "Self":
                info.members[item.name] = Type("Self")  # the class it is called on
            else:
                info.members[item.name] = scope.annotation(returns)
            if not any(_is_property(d) for d in item.decorator_list):
                info.methods.add(item.name)


def _is_property(decorator: ast.expr) -> bool:
    return isinstance(decorator, ast.Name) and decorator.id in {"property", "cached_property"}
