"""A translate-flow project on disk: its config, statements and where files go."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import config as config_mod
from . import segment
from .config import Config
from .errors import StatementError


@dataclass(frozen=True)
class Project:
    """The directory that holds `translate-flow.toml`, and the paths derived from it."""

    config: Config

    @classmethod
    def open(cls, start: Path | None = None) -> Project:
        return cls(config_mod.discover(start))

    @property
    def root(self) -> Path:
        return self.config.root

    def relative(self, path: Path) -> str:
        """`path` relative to the project root, with `/`, as references write it."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return path.as_posix()

    def statement_files(self) -> list[Path]:
        base = self.config.statements_dir
        if not base.is_dir():
            return []
        return sorted(
            p for p in base.rglob("*") if p.suffix in segment.SUFFIXES and p.is_file()
            and not any(part.startswith(".") for part in p.relative_to(base).parts)
        )

    def slug(self, path: Path) -> str:
        base = self.config.statements_dir.resolve()
        try:
            rel = path.resolve().relative_to(base)
        except ValueError:
            raise StatementError(
                f"not inside the statements directory {self.relative(base)}/; move it there",
                path=path,
            ) from None
        return rel.with_suffix("").as_posix()

    def resolve(self, names: tuple[str, ...] | list[str] = ()) -> list[Path]:
        """Statement files for command-line names: paths, or slugs; all when none given."""
        if not names:
            return self.statement_files()
        by_slug = {self.slug(p): p for p in self.statement_files()}
        found: list[Path] = []
        for name in names:
            path = Path(name)
            if path.is_file():
                found.append(path)
            elif name in by_slug:
                found.append(by_slug[name])
            else:
                raise StatementError(
                    "no such statement; give a file under statements/ or its slug "
                    f"({', '.join(sorted(by_slug)) or 'none yet'})",
                    path=name,
                )
        return found

    def load(self, path: Path) -> segment.Statement:
        return segment.load(
            path,
            slug=self.slug(path),
            default_lang=self.config.source_language,
            display_path=Path(self.relative(path)),
            cache_dir=self.config.cache_dir,
            languages=self.config.languages,
        )

    def statements(self, names: tuple[str, ...] | list[str] = ()) -> list[segment.Statement]:
        return [self.load(path) for path in self.resolve(names)]

    def template_path(self, slug: str) -> Path:
        return self.config.locales_dir / "templates" / f"{slug}.pot"

    def catalog_path(self, slug: str, lang: str) -> Path:
        return self.config.locales_dir / lang / f"{slug}.po"

    @property
    def drafts_dir(self) -> Path:
        """Where draft editions go: beside `editions/`, never in it, so a sync publishes none."""
        return self.root / str(self.config.section("project").get("drafts"))

    def edition_path(self, lang: str, slug: str, suffix: str, *, draft: bool = False) -> Path:
        return (self.drafts_dir if draft else self.config.editions_dir) / lang / f"{slug}{suffix}"

    def stray_catalogs(self, statements: list[segment.Statement]) -> list[Path]:
        """Catalogs and templates under `locales/` that no statement of `statements` makes.

        `statements` are all the project's statements: a catalog is stray when its
        statement was removed or renamed, or no longer has that language as a target.
        """
        made = {self.template_path(s.slug) for s in statements} | {
            self.catalog_path(s.slug, lang) for s in statements for lang in self.target_languages(s)}
        base = self.config.locales_dir
        found = [p for p in base.glob("templates/**/*.pot") if p.is_file()]
        for lang in self.config.languages:
            found += [p for p in base.glob(f"{lang}/**/*.po") if p.is_file()]
        return sorted(p for p in found if p not in made)

    def target_languages(self, statement: segment.Statement) -> list[str]:
        return [lang for lang in self.config.languages if lang != statement.lang]
