"""Formgrader's pages run only nbgrader's own scripts: a Content-Security-Policy on every ``/formgrader/`` response.

A Jupyter server extension, enabled by the hub's configuration of instructors' servers and, for any server that
opens formgrader on this course, by the course's ``nbgrader_config.py`` (:func:`protect_this_server`). The learner's work is
sanitised first (:mod:`autograder.sanitize`); this is the second barrier, for anything that reaches the page by
another way (a learner's name imported from a class list, a file in their folder served by formgrader, a
sanitiser bug):

* every response under ``/formgrader/`` carries the policy :func:`policy` (``script-src`` a fresh nonce per
  response and nothing else: no ``'self'``, since formgrader and Jupyter serve files from learners' folders on
  this origin; no ``'unsafe-inline'``, no ``'unsafe-eval'``, which formgrader does not need);
* the nonce is written into the ``<script>`` tags of nbgrader's formgrader *template sources*, as Jinja loads
  them, before anything is rendered: nothing rendered into a page (a learner's answer, an output, a name) can
  carry it. nbconvert's own templates are left as they are, so their scripts (a notebook's JavaScript outputs,
  MathJax, widgets) do not run in formgrader;
* a value a nonce'd script interpolates (``var student_id = "{{ student_id }}"``: the URL's path) is written
  JSON-encoded, so a crafted link cannot break out of the string into trusted code; a template whose script
  interpolates in any other way is refused with an error naming it;
* nbgrader's five inline event handlers (``onclick="toggle_name(true);"`` and the like, fixed text) are allowed
  by their hashes (``'unsafe-hashes'``); any other handler or ``javascript:`` link is refused.

Learner feedback pages (``python -m autograder feedback``) are files with no script of their own: they get
:data:`FEEDBACK_POLICY` as a ``<meta>`` tag (:func:`add_feedback_policy`).
"""

from __future__ import annotations

import base64
import contextvars
import hashlib
import json
import re
import secrets
from pathlib import Path

from jinja2 import BaseLoader, Environment, FileSystemLoader
from tornado.web import OutputTransform

FEEDBACK_POLICY = ("default-src 'none'; script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'; "
                   "style-src 'unsafe-inline'; img-src data:; font-src data:")

_nonce: contextvars.ContextVar[str | None] = contextvars.ContextVar("formgrader_csp_nonce", default=None)
_SCRIPT_TAG = re.compile(r"<script\b", re.IGNORECASE)
_SCRIPT_BODY = re.compile(r"(<script\b[^>]*>)(.*?)(</script\s*>)", re.IGNORECASE | re.DOTALL)
# a JavaScript string literal made of plain text and Jinja values: "{{ base_url }}/formgrader"
_PART = r"(?:(?!\1)[^\\\n{}]|\{\{[^{}]*\}\})*"  # plain text (no quote, backslash, line break, brace) or a value
_STRING_WITH_VALUES = re.compile(r"""(["'])(%s\{\{[^{}]*\}\}%s)\1""" % (_PART, _PART))
_VALUE = re.compile(r"\{\{-?\s*([^{}]+?)\s*-?\}\}")
_ENCODED = re.compile(r"\{\{ \(\"[^{}]*\) \| tojson \}\}")
_HANDLER = re.compile(r"""\son[a-z]+\s*=\s*(["'])(.*?)\1""", re.IGNORECASE | re.DOTALL)
# nbconvert's MathJax macro: its configuration needs eval and its script comes from a CDN; not run in formgrader
_NO_MATHJAX = "{%- macro mathjax(url=None) -%}{%- endmacro %}\n"


class TemplateError(RuntimeError):
    """An nbgrader template whose inline script this module cannot make safe to trust."""


def formgrader_templates() -> Path:
    from nbgrader.server_extensions.formgrader import handlers

    return Path(handlers.template_path).resolve()


def current_nonce() -> str:
    nonce = _nonce.get()
    if nonce is None:
        raise RuntimeError("a formgrader page was rendered outside a formgrader request: no CSP nonce to give it")
    return nonce


def _as_expression(literal: str) -> str:
    """The Jinja expression of a string literal's content: its text parts quoted, its values in parentheses."""
    parts, end = [], 0
    for value in _VALUE.finditer(literal):
        parts += [json.dumps(literal[end:value.start()]), f"({value.group(1)})"]
        end = value.end()
    parts.append(json.dumps(literal[end:]))
    return " ~ ".join(parts)


def trust_scripts(source: str, name: str) -> str:
    """An nbgrader template ``source`` with the nonce on each ``<script>`` tag and each value interpolated into
    a script JSON-encoded; :class:`TemplateError` if a script interpolates a value in any other way."""

    def one_script(match: re.Match) -> str:
        opening, body, closing = match.groups()
        body = _STRING_WITH_VALUES.sub(lambda m: "{{ (%s) | tojson }}" % _as_expression(m.group(2)), body)
        leftover = _ENCODED.sub("", body)
        if "{{" in leftover or "{%" in leftover:
            raise TemplateError(f"formgrader template {name}: an inline script interpolates a value outside a quoted "
                                "string; it cannot be trusted with the page's CSP nonce")
        return opening + body + closing

    source = _SCRIPT_BODY.sub(one_script, source)
    return _SCRIPT_TAG.sub('<script nonce="{{ csp_nonce() }}"', source)


class TrustedScriptsLoader(BaseLoader):
    """Wraps a Jinja loader: templates from nbgrader's formgrader folder get :func:`trust_scripts`; nbconvert's
    MathJax macro is replaced by one that renders nothing; every other template is loaded unchanged."""

    def __init__(self, inner: BaseLoader, trusted: Path):
        self.inner = inner
        self.trusted = trusted

    def get_source(self, environment, template):
        source, filename, uptodate = self.inner.get_source(environment, template)
        if filename and Path(filename).resolve().is_relative_to(self.trusted):
            source = trust_scripts(source, template)
        elif filename and Path(filename).name == "mathjax.html.j2":
            source = _NO_MATHJAX
        return source, filename, uptodate

    def list_templates(self):
        return self.inner.list_templates()


def handler_hashes(folder: Path) -> list[str]:
    """CSP hashes of the inline event handlers in nbgrader's templates. Only fixed text is trusted: a handler
    that interpolates a value gets no hash (so it does not run)."""
    found = set()
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".tpl", ".j2"):
            for _quote, code in _HANDLER.findall(path.read_text(encoding="utf-8")):
                if "{{" not in code and "{%" not in code:
                    found.add(base64.b64encode(hashlib.sha256(code.encode()).digest()).decode())
    return [f"'sha256-{h}'" for h in sorted(found)]


def policy(nonce: str, hashes: list[str]) -> str:
    """The header: scripts only with ``nonce`` (and nbgrader's handlers by ``hashes``); styles inline or from the
    server; nothing loaded from elsewhere."""
    return "; ".join([
        " ".join(["script-src", f"'nonce-{nonce}'", *(["'unsafe-hashes'", *hashes] if hashes else [])]),
        "object-src 'none'", "base-uri 'none'", "frame-ancestors 'self'", "form-action 'self'",
        "default-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:", "font-src 'self' data:",
    ])


def _nonced_exporter(exporter):
    """A copy of formgrader's HTMLExporter (same configuration) whose templates load through the loader above."""
    trusted = formgrader_templates()

    class NoncedHTMLExporter(type(exporter)):
        def _create_environment(self):
            environment = super()._create_environment()
            environment.loader = TrustedScriptsLoader(environment.loader, trusted)
            environment.globals["csp_nonce"] = current_nonce
            return environment

    return NoncedHTMLExporter(config=exporter.config)


def protect(settings: dict) -> None:
    """Make formgrader's two renderers (its Jinja environment and its HTMLExporter) nonce nbgrader's scripts.
    Idempotent; does nothing until nbgrader's formgrader has put them into the server's settings."""
    if settings.get("autograder_csp_protected") or "nbgrader_jinja2_env" not in settings:
        return
    trusted = formgrader_templates()
    loader = TrustedScriptsLoader(FileSystemLoader([str(trusted)]), trusted)
    environment = Environment(loader=loader)  # noqa: S701 - as nbgrader's own (its templates escape nothing)
    environment.globals["csp_nonce"] = current_nonce
    settings["nbgrader_jinja2_env"] = environment
    settings["nbgrader_exporter"] = _nonced_exporter(settings["nbgrader_exporter"])
    settings["autograder_csp_protected"] = True


class FormgraderPolicy(OutputTransform):
    """Per request: a fresh nonce (in a context variable the templates read) and, on the response, the policy."""

    def __init__(self, request, webapp, prefix: str, hashes: list[str]):
        super().__init__(request)
        self.applies = request.path == prefix.rstrip("/") or request.path.startswith(prefix)
        if self.applies:
            protect(webapp.settings)  # nbgrader's extension loads after this one
            self.nonce = secrets.token_urlsafe(18)
            # tornado builds the transforms just before it starts the request's task, which copies the context:
            # the handler (and its templates) sees this request's nonce whatever the connection does next
            _nonce.set(self.nonce)
            self.header = policy(self.nonce, hashes)

    def transform_first_chunk(self, status_code, headers, chunk, finishing):
        if self.applies:
            headers["Content-Security-Policy"] = self.header
        return status_code, headers, chunk


def _jupyter_server_extension_points():
    return [{"module": "autograder.csp"}]


def _load_jupyter_server_extension(serverapp):
    from jupyter_server.utils import url_path_join

    webapp = serverapp.web_app
    if webapp.settings.get("autograder_csp_policy"):
        return
    webapp.settings["autograder_csp_policy"] = True
    base_url = webapp.settings.get("base_url", "/")
    prefix = url_path_join(base_url, "formgrader/")
    hashes = handler_hashes(formgrader_templates())
    webapp.add_transform(lambda request: FormgraderPolicy(request, webapp, prefix, hashes))
    serverapp.log.info("Formgrader pages are served with a Content-Security-Policy (autograder.csp)")


def protect_this_server() -> None:
    """Turn the policy on in the Jupyter server this runs in, if any (no-op elsewhere; idempotent).

    Called from the course's ``nbgrader_config.py``, which formgrader reads in the server's process while it
    loads: so formgrader started in any way from a course root of this course (``jupyter lab`` from
    ``autograder/``, the hub's instructor servers) serves its pages with the policy.
    """
    import sys

    if "jupyter_server.serverapp" not in sys.modules:
        return
    from jupyter_server.serverapp import ServerApp

    app = ServerApp.instance() if ServerApp.initialized() else None
    if app is not None and getattr(app, "web_app", None) is not None:
        _load_jupyter_server_extension(app)


def add_feedback_policy(page: str) -> str:
    """A feedback page with :data:`FEEDBACK_POLICY` as the first element of its ``<head>`` (which nbgrader's
    template writes before anything from the notebook)."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{FEEDBACK_POLICY}">'
    if meta in page:
        return page
    head = re.search(r"<head\b[^>]*>", page, re.IGNORECASE)
    if head is None:
        raise ValueError("the feedback page has no <head>")
    return page[:head.end()] + "\n" + meta + page[head.end():]


__all__ = ["FEEDBACK_POLICY", "add_feedback_policy", "policy", "protect", "protect_this_server", "trust_scripts"]
