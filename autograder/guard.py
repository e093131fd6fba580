"""Kernel-side guard: tells the grader whether the learner's code changed how the kernel runs cells.

Learner code and tests share one kernel, so a single line such as
``get_ipython().input_transformers_post.append(lambda lines: ["pass"])`` would turn every later test
cell into ``pass`` and earn full marks under stock nbgrader. :class:`autograder.execute.GuardedExecute`
starts each kernel with :func:`install` (before any learner code runs: a snapshot of the machinery),
and after every autograded test cell asks :func:`verdict` through the execute request's
``user_expressions``, which IPython evaluates outside the input and AST transformers. A test cell that
ran on tampered machinery scores nothing, and the grading status names what was changed.

What is watched: input and AST transformers and event callbacks added from the learner's code; the
shell's and the kernel's execution methods replaced; a trace or profile function set; builtins the
tests use replaced; modules the tests import swapped for objects that do not come from the installed
packages. A learner who studies this module could still defeat it from inside the kernel; it stops
the generic tricks, and the sandbox keeps the rest of the machine out of reach.
"""

from __future__ import annotations

import builtins
import os
import sys

PROBE = "__import__('autograder.guard').guard.verdict()"
INSTALL = "__import__('autograder.guard').guard.install()"
INTACT = "intact"
BUILTINS = ("AssertionError", "Exception", "BaseException", "isinstance", "issubclass", "type", "len", "set", "dict",
            "list", "tuple", "str", "int", "float", "bool", "round", "abs", "all", "any", "sorted", "sum", "min", "max",
            "zip", "range", "map", "filter", "getattr", "hasattr", "repr", "exec", "eval", "compile", "__import__",
            "print", "object", "iter", "next", "enumerate", "callable", "hash", "id", "frozenset")
SHELL_METHODS = ("run_cell", "run_cell_async", "_run_cell", "should_run_async", "transform_cell", "transform_ast",
                 "run_ast_nodes", "run_code", "user_expressions", "ex", "ev")
KERNEL_METHODS = ("do_execute", "execute_request", "dispatch_shell", "process_one")
MODULES = ("builtins", "math", "json", "re", "operator", "pandas", "numpy", "course", "course.checks", "course.metrics",
           "course.crisis", "course.crisis.policy")
EVENTS = ("pre_execute", "pre_run_cell", "post_execute", "post_run_cell")

_snapshot: dict | None = None


def _trusted_roots() -> tuple[str, ...]:
    """Where installed code lives: the Python environment and the installed course package, nothing else.

    Not the repository: the graded copies (``autograder/autograded/...``) live under it, and so does the
    learner's own folder, where a handed-in ``pandas.py`` would otherwise count as installed.
    """
    import importlib.util

    roots = {sys.prefix, sys.base_prefix, sys.exec_prefix}
    spec = importlib.util.find_spec("course")  # the kernel runs in safe-path mode: this is the installed package
    if spec and spec.submodule_search_locations:
        roots.update(spec.submodule_search_locations)
    return tuple(os.path.realpath(p).rstrip("/") + "/" for p in roots)


def _installed(path: str | None) -> bool:
    """True if ``path`` is inside the installed environment and not inside the kernel's working folder."""
    if not path:
        return False
    real = os.path.realpath(path)
    return real.startswith(_snapshot["roots"]) and not real.startswith(_snapshot["cwd"])


def _end_forked_copy() -> None:
    os._exit(70)


def install() -> None:
    """Take the snapshot (run at kernel start, before any learner code)."""
    global _snapshot
    from IPython import get_ipython

    # A copy of the kernel made by os.fork() (a fork bomb, or multiprocessing's fork start method) would share
    # the kernel's sockets and event loop and could swallow the messages meant for it: such a copy ends at
    # once. Starting programs (subprocess) is not affected: it does not run Python in the child.
    if _snapshot is None:
        os.register_at_fork(after_in_child=_end_forked_copy)

    shell = get_ipython()
    kernel = getattr(shell, "kernel", None)
    _snapshot = {
        "shell": shell,
        "builtins": {name: getattr(builtins, name) for name in BUILTINS},
        "shell_methods": {name: getattr(type(shell), name, None) for name in SHELL_METHODS},
        "kernel": kernel,
        "kernel_methods": {name: getattr(type(kernel), name, None) for name in KERNEL_METHODS} if kernel else {},
        "transformers": {id(t) for t in [*shell.input_transformers_cleanup, *shell.input_transformers_post,
                                         *shell.ast_transformers]},
        "callbacks": {event: {id(c) for c in shell.events.callbacks.get(event, [])} for event in EVENTS},
        "roots": _trusted_roots(),
        "cwd": os.path.realpath(os.getcwd()).rstrip("/") + "/",
    }


def _learners(function) -> bool:
    """True if ``function`` (or callable object) was defined by the learner's code, not by an installed package."""
    target = getattr(function, "__func__", function)
    module = getattr(target, "__module__", None) or getattr(type(target), "__module__", None)
    return not isinstance(module, str) or module.split(".")[0] == "__main__"


def _problems() -> list[str]:
    if _snapshot is None:
        return ["the grading guard was removed or never started"]
    shell, found = _snapshot["shell"], []
    for name, original in _snapshot["builtins"].items():
        if getattr(builtins, name, None) is not original:
            found.append(f"the built-in {name} was replaced")
    for name, original in _snapshot["shell_methods"].items():
        if getattr(type(shell), name, None) is not original or name in vars(shell):
            found.append(f"IPython's {name} was replaced")
    kernel = _snapshot["kernel"]
    for name, original in _snapshot["kernel_methods"].items():
        if getattr(type(kernel), name, None) is not original or name in vars(kernel):
            found.append(f"the kernel's {name} was replaced")
    for label, items in (("an input transformer", [*shell.input_transformers_cleanup, *shell.input_transformers_post]),
                         ("an AST transformer", shell.ast_transformers)):
        if any(id(t) not in _snapshot["transformers"] and _learners(t) for t in items):
            found.append(f"{label} was added")
    for event in EVENTS:
        added = [c for c in shell.events.callbacks.get(event, []) if id(c) not in _snapshot["callbacks"][event]]
        if any(_learners(c) for c in added):
            found.append(f"a '{event}' callback was added")
    if sys.gettrace() is not None or sys.getprofile() is not None:
        found.append("a trace or profile function was set")
    for name in MODULES:
        module = sys.modules.get(name)
        if module is None:
            continue
        path = getattr(module, "__file__", None)
        if name == "builtins":
            if module is not builtins:
                found.append("the builtins module was swapped")
        elif not _installed(path):
            found.append(f"the module {name} was swapped for one that is not installed")
    return found


def verdict() -> str:
    """``"intact"``, or ``"tampered: ..."`` naming what changed."""
    try:
        found = _problems()
    except Exception as error:  # the machinery is so broken that it cannot even be inspected
        found = [f"the kernel could not be inspected ({type(error).__name__})"]
    return INTACT if not found else "tampered: " + "; ".join(dict.fromkeys(found))
