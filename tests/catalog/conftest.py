from tests.spine.conftest import project, tflow

__all__ = ["project", "tflow"]
