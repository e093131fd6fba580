"""The course on JupyterHub: one state folder, a roster of accounts, start and stop.

``make hub`` runs ``python -m autograder.hub start``; ``make hub-stop`` runs ``... stop``. Everything the
running class creates lives in one folder, ``$CMW_HUB_STATE`` (default ``/srv/community-management``)::

    runtime/     the Python environment the people's servers run from (open to every account)
    hub/         JupyterHub's database, cookie secret, log, pid file, roster.json   (root only)
    exchange/    nbgrader's exchange: learners fetch and submit here                (everyone, as nbgrader documents)
    course/      the class's nbgrader course root: nbgrader_config.py, source/ links to the module
                 folders, the gradebook, submitted/, autograded/, feedback/         (root and the instructors' group)
    config/learner/, config/instructor/
                 the Jupyter and nbgrader settings each learner's or instructor's server starts with

Every learner and instructor has a system account of their own, so their servers run with real file
permissions between them. Accounts come from a CSV roster (``username,first_name,last_name,email,role``
with role ``learner`` or ``instructor``): ``python -m autograder.hub roster roster.csv``.
"""

from __future__ import annotations

import argparse
import csv
import grp
import json
import os
import pwd
import re
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
HUB_CONFIG = REPO_ROOT / "deploy" / "hub" / "jupyterhub_config.py"
PROXY = REPO_ROOT / "deploy" / "hub" / "node_modules" / ".bin" / "configurable-http-proxy"
DEFAULT_STATE = Path("/srv/community-management")
COURSE_ID = "community-management"
INSTRUCTORS_GROUP = "cmw-instructors"
ROLES = ("learner", "instructor")
# A portable POSIX user name, as useradd accepts it by default.
USER_NAME = re.compile(r"^[a-z_][a-z0-9_-]{0,30}$")

# The instructor parts of nbgrader a learner never sees; the Assignments tab stays on in a class.
INSTRUCTOR_ONLY_SERVER = ("nbgrader.server_extensions.formgrader", "nbgrader.server_extensions.validate_assignment",
                          "nbgrader.server_extensions.course_list")
INSTRUCTOR_ONLY_LAB = ("@jupyter/nbgrader:formgrader", "@jupyter/nbgrader:create-assignment",
                       "@jupyter/nbgrader:validate-assignment", "@jupyter/nbgrader:course-list")


class HubError(RuntimeError):
    """Something about the hub's set-up, named with what to do."""


def state_dir(state: Path | str | None = None) -> Path:
    return Path(state or os.environ.get("CMW_HUB_STATE") or DEFAULT_STATE).resolve()


@dataclass(frozen=True)
class Layout:
    state: Path

    @property
    def hub(self) -> Path:
        return self.state / "hub"

    @property
    def exchange(self) -> Path:
        return self.state / "exchange"

    @property
    def course(self) -> Path:
        return self.state / "course"

    @property
    def runtime(self) -> Path:
        """The Python the people's servers run (``python/`` where a copy is needed, ``venv/``); may be shared."""
        return Path(os.environ.get("CMW_HUB_RUNTIME") or self.state / "runtime")

    @property
    def venv(self) -> Path:
        return self.runtime / "venv"

    def config(self, role: str) -> Path:
        return self.state / "config" / role

    @property
    def roster(self) -> Path:
        return self.hub / "roster.json"

    @property
    def pid_file(self) -> Path:
        return self.hub / "jupyterhub.pid"

    @property
    def log(self) -> Path:
        return self.hub / "jupyterhub.log"

    @property
    def admin_token(self) -> Path:
        return self.hub / "admin-token"


def _write(path: Path, text: str, mode: int = 0o644) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    path.chmod(mode)


def _group_id(name: str) -> int:
    try:
        return grp.getgrnam(name).gr_gid
    except KeyError:
        subprocess.run(["groupadd", "--system", name], check=True, capture_output=True)
        return grp.getgrnam(name).gr_gid


def prepare(state: Path | str | None = None, gradebook_url: str | None = None) -> Layout:
    """Create (or bring up to date) the state folder with the permissions each part needs. Run as root."""
    if os.geteuid() != 0:
        raise HubError("The course hub runs as root (it starts each learner's server as that learner): "
                       "run `sudo make hub`.")
    layout = Layout(state_dir(state))
    layout.state.mkdir(parents=True, exist_ok=True)
    layout.state.chmod(0o755)
    layout.hub.mkdir(exist_ok=True)
    layout.hub.chmod(0o700)
    # nbgrader's exchange: every account reads and writes the root; nbgrader itself makes each
    # course's inbound folder write-only for learners. The sticky bit keeps accounts from removing
    # each other's files.
    layout.exchange.mkdir(exist_ok=True)
    layout.exchange.chmod(0o1777)
    instructors = _group_id(INSTRUCTORS_GROUP)
    layout.course.mkdir(exist_ok=True)
    os.chown(layout.course, 0, instructors)
    layout.course.chmod(0o2770)
    # The class's own copy of the masters and the course's nbgrader settings: instructors' accounts
    # need no access to the checkout (which may sit in root's home).
    source = layout.course / "source"
    source.mkdir(exist_ok=True)
    for module in sorted(REPO_ROOT.glob("module*_*")):
        shutil.copytree(module, source / module.name, dirs_exist_ok=True,
                        ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy2(REPO_ROOT / "autograder" / "nbgrader_config.py", layout.course / "course_settings.py")
    for path in [source, *source.rglob("*"), layout.course / "course_settings.py"]:
        os.chown(path, 0, instructors, follow_symlinks=False)
    db_url = gradebook_url or f"sqlite:///{layout.course / 'gradebook.db'}"
    _write(layout.course / "nbgrader_config.py", _course_config(layout, db_url), 0o640)
    os.chown(layout.course / "nbgrader_config.py", 0, instructors)
    _write_role_configs(layout, db_url)
    if not layout.admin_token.exists():
        _write(layout.admin_token, secrets.token_hex(32), 0o600)
    return layout


def _course_config(layout: Layout, db_url: str) -> str:
    course_config = layout.course / "course_settings.py"
    return f'''"""nbgrader settings of the class on JupyterHub (written by `python -m autograder.hub` from the course's own
settings, autograder/nbgrader_config.py, copied to course_settings.py: edit those in the course instead)."""
_course = {str(course_config)!r}
exec(compile(open(_course).read(), _course, "exec"), {{"get_config": get_config, "__file__": _course}})
c = get_config()
c.CourseDirectory.root = {str(layout.course)!r}
c.CourseDirectory.db_url = {db_url!r}
c.Exchange.root = {str(layout.exchange)!r}
c.Exchange.path_includes_course = True
c.CourseDirectory.course_id = {COURSE_ID!r}
'''


def _write_role_configs(layout: Layout, db_url: str) -> None:
    for role in ROLES:
        folder = layout.config(role)
        nbgrader = [f"c = get_config()", f"c.Exchange.root = {str(layout.exchange)!r}",
                    "c.Exchange.path_includes_course = True", f"c.CourseDirectory.course_id = {COURSE_ID!r}",
                    # a fetch stopped with the server leaves no half copy (course/fetch.py)
                    'c.ExchangeFactory.fetch_assignment = "course.fetch.AtomicFetchAssignment"']
        if role == "instructor":
            nbgrader += [f"c.CourseDirectory.root = {str(layout.course)!r}", f"c.CourseDirectory.db_url = {db_url!r}",
                         # formgrader's Collect: no link followed, no edited timestamp.txt trusted (autograder/collect.py)
                         'c.ExchangeFactory.collect = "autograder.collect.SafeExchangeCollect"',
                         # feedback for a submission placed by hand is named, not a crash (autograder/collect.py)
                         'c.ExchangeFactory.release_feedback = "autograder.collect.ReleaseFeedback"']
        _write(folder / "nbgrader_config.py", "\n".join(nbgrader) + "\n")
        extensions = {name: role == "instructor" for name in INSTRUCTOR_ONLY_SERVER}
        extensions["nbgrader.server_extensions.assignment_list"] = True
        extensions["autograder.csp"] = role == "instructor"  # formgrader's Content-Security-Policy (autograder/csp.py)
        _write(folder / "jupyter_server_config.json", json.dumps({"ServerApp": {"jpserver_extensions": extensions}}, indent=1))
        disabled = {name: role != "instructor" for name in INSTRUCTOR_ONLY_LAB}
        disabled["@jupyter/nbgrader:assignment-list"] = False
        _write(folder / "labconfig" / "page_config.json", json.dumps({"disabledExtensions": disabled}, indent=1))
        for path in [folder, folder / "labconfig"]:
            path.chmod(0o755)


def _readable_by_everyone(path: Path) -> bool:
    """True if every folder on the way to ``path`` lets other accounts through and ``path`` is readable."""
    path = Path(path).resolve()
    for part in [*reversed(path.parents), path]:
        mode = part.stat().st_mode
        if not mode & 0o001 or (part == path and not mode & 0o004):
            return False
    return True


def base_python(layout: Layout) -> Path:
    """A Python 3.11 every account can run: this one if its installation is open to all accounts, else a copy
    of its installation (without its packages) in ``state/python``."""
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    prefix = Path(sys.base_prefix)
    if _readable_by_everyone(prefix / "lib" / version / "os.py"):
        return prefix / "bin" / version
    copy = layout.runtime / "python"
    if not (copy / "bin" / version).exists():
        shutil.copytree(prefix, copy, symlinks=True, ignore=shutil.ignore_patterns("site-packages", "__pycache__", "test"))
        (copy / "lib" / version / "site-packages").mkdir(exist_ok=True)
    return copy / "bin" / version


def library_path(layout: Layout) -> str:
    """Where the people's servers find libpython when it comes from the copy (its built-in path may be closed)."""
    return str(layout.runtime / "python" / "lib") if (layout.runtime / "python").exists() else ""


def install(layout: Layout) -> Path:
    """The Python environment the people's servers run from, open to every account (``state/venv``).

    Built once from a Python every account can run, with the course installed from this checkout
    (not as a link to it); later starts refresh only the course itself.
    """
    python = layout.venv / "bin" / "python"
    pip = [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    fresh = not python.exists()
    base = base_python(layout) if fresh else None
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    if library_path(layout):
        env["LD_LIBRARY_PATH"] = library_path(layout)
    if fresh:
        subprocess.run([str(base), "-m", "venv", str(layout.venv)], check=True, env=env)
        subprocess.run(pip + ["--upgrade", "pip==26.3"], env=env, capture_output=True, check=True)
        done = subprocess.run(pip + ["-c", str(REPO_ROOT / "constraints.txt"), f"{REPO_ROOT}[hub]"], env=env,
                              capture_output=True, text=True)
    else:
        done = subprocess.run(pip + ["--no-deps", "--force-reinstall", str(REPO_ROOT)], env=env,
                              capture_output=True, text=True)
    if done.returncode != 0:
        raise HubError(f"installing the course into {layout.venv} failed:\n{done.stderr[-3000:]}")
    return layout.venv / "bin"


# --------------------------------------------------------------------------- roster
@dataclass
class Person:
    username: str
    first_name: str
    last_name: str
    email: str
    role: str


@dataclass
class RosterResult:
    people: list[Person] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    created: list[str] = field(default_factory=list)


def read_roster(path: Path) -> RosterResult:
    """Read a roster CSV. A bad line is reported (with its number and why) and skipped; the others are kept."""
    result = RosterResult()
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except OSError as error:
        raise HubError(f"cannot read the roster {path}: {error.strerror}") from None
    rows = csv.DictReader(text.splitlines())
    needed = {"username", "role"}
    if not rows.fieldnames or not needed <= set(rows.fieldnames):
        raise HubError(f"{path}: the first line must name the columns, at least username and role "
                       f"(found: {', '.join(rows.fieldnames or []) or 'nothing'})")
    seen = set()
    for number, row in enumerate(rows, start=2):
        name = (row.get("username") or "").strip()
        role = (row.get("role") or "").strip().lower()
        if not USER_NAME.match(name):
            result.problems.append(f"{path}, line {number}: {name!r} is not a valid user name "
                                   "(lower-case letters, digits, - and _, starting with a letter, at most 31)")
            continue
        if role not in ROLES:
            result.problems.append(f"{path}, line {number}: role {role!r} for {name} must be learner or instructor")
            continue
        if name in seen:
            result.problems.append(f"{path}, line {number}: {name} is listed twice; the first line is kept")
            continue
        seen.add(name)
        result.people.append(Person(name, (row.get("first_name") or "").strip(), (row.get("last_name") or "").strip(),
                                    (row.get("email") or "").strip(), role))
    return result


def apply_roster(layout: Layout, roster: RosterResult, home_base: Path | None = None) -> RosterResult:
    """Create the missing system accounts, put instructors in their group, learners in the gradebook."""
    _group_id(INSTRUCTORS_GROUP)  # make sure the group exists
    passwords = []
    for person in roster.people:
        try:
            pwd.getpwnam(person.username)
        except KeyError:
            command = ["useradd", "--create-home", "--shell", "/bin/bash", "--user-group"]
            if home_base:
                command += ["--home-dir", str(Path(home_base) / person.username)]
            done = subprocess.run(command + [person.username], capture_output=True, text=True)
            if done.returncode != 0:
                roster.problems.append(f"{person.username}: the account could not be created: {done.stderr.strip()}")
                continue
            password = secrets.token_urlsafe(12)
            subprocess.run(["chpasswd"], input=f"{person.username}:{password}\n", text=True, check=True)
            passwords.append((person.username, password))
            roster.created.append(person.username)
        home = Path(pwd.getpwnam(person.username).pw_dir)
        if home.exists():
            home.chmod(0o700)  # no learner reads another's work
        if person.role == "instructor":
            subprocess.run(["usermod", "--append", "--groups", INSTRUCTORS_GROUP, person.username], check=True)
        else:
            _nbgrader(layout, "db", "student", "add", person.username, f"--first-name={person.first_name}",
                      f"--last-name={person.last_name}", f"--email={person.email}")
    existing = json.loads(layout.roster.read_text()) if layout.roster.exists() else {"learner": [], "instructor": []}
    for person in roster.people:
        if person.username in {p for names in existing.values() for p in names}:
            continue
        existing.setdefault(person.role, []).append(person.username)
    _write(layout.roster, json.dumps(existing, indent=1), 0o600)
    if passwords:
        sheet = layout.hub / "initial-passwords.csv"
        lines = sheet.read_text().splitlines() if sheet.exists() else ["username,password"]
        lines += [f"{name},{password}" for name, password in passwords]
        _write(sheet, "\n".join(lines) + "\n", 0o600)
    return roster


def share_gradebook(layout: Layout) -> None:
    """The SQLite gradebook is written by root (grading) and by instructors (formgrader): the group may write it."""
    gradebook = layout.course / "gradebook.db"
    if gradebook.exists():
        os.chown(gradebook, 0, grp.getgrnam(INSTRUCTORS_GROUP).gr_gid)
        gradebook.chmod(0o660)


def _nbgrader(layout: Layout, *args: str) -> subprocess.CompletedProcess:
    bindir = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bindir + os.pathsep + os.environ.get("PATH", "")}
    done = subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=layout.course, env=env,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise HubError(f"nbgrader {' '.join(args[:3])} failed in {layout.course}:\n{done.stderr[-2000:]}")
    share_gradebook(layout)
    return done


# --------------------------------------------------------------------------- start / stop
def _free_port() -> int:
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def hub_url(ip: str, port: int) -> str:
    return f"http://{'127.0.0.1' if ip in ('0.0.0.0', '') else ip}:{port}"


def running_pid(layout: Layout) -> int | None:
    try:
        pid = int(layout.pid_file.read_text().strip())
        os.kill(pid, 0)
        return pid
    except (OSError, ValueError):
        return None


def start(state: Path | str | None = None, ip: str = "127.0.0.1", port: int = 8000, authenticator: str = "pam",
          gradebook_url: str | None = None, extra_env: dict[str, str] | None = None, timeout: float = 90) -> str:
    """Start the hub in the background; return its URL once it answers."""
    if not PROXY.exists():
        raise HubError(f"configurable-http-proxy is missing ({PROXY}): run `make hub`, which installs it with npm.")
    layout = prepare(state, gradebook_url)
    if running_pid(layout):
        raise HubError(f"the hub is already running (pid {running_pid(layout)}); stop it with `make hub-stop`.")
    install(layout)
    env = {**os.environ, **(extra_env or {}), "CMW_HUB_STATE": str(layout.state), "CMW_HUB_IP": ip,
           "CMW_HUB_RUNTIME": str(layout.runtime),
           # the hub's own port and the proxy's API port, on loopback: free ones, so two hubs never clash
           "CMW_HUB_INTERNAL_PORT": str(_free_port()), "CMW_HUB_PROXY_API_PORT": str(_free_port()),
           "CMW_HUB_PORT": str(port), "CMW_HUB_AUTH": authenticator,
           "PATH": str(Path(sys.executable).parent) + os.pathsep + os.environ.get("PATH", "")}
    with layout.log.open("a") as log:
        process = subprocess.Popen([sys.executable, "-m", "jupyterhub", "-f", str(HUB_CONFIG)], cwd=layout.hub,
                                   env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    layout.pid_file.write_text(str(process.pid))
    url = hub_url(ip, port)
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            tail = "\n".join(layout.log.read_text(errors="replace").splitlines()[-30:])
            raise HubError(f"JupyterHub stopped while starting. The end of {layout.log}:\n{tail}")
        try:
            urllib.request.urlopen(f"{url}/hub/api/", timeout=2)
            return url
        except OSError:
            time.sleep(0.5)
    stop(layout.state)
    raise HubError(f"JupyterHub did not answer at {url} within {timeout:.0f} s; see {layout.log}")


def stop(state: Path | str | None = None, timeout: float = 30) -> bool:
    """Stop the hub (it stops its proxy and the learners' servers). True if one was running."""
    layout = Layout(state_dir(state))
    pid = running_pid(layout)
    if pid is None:
        layout.pid_file.unlink(missing_ok=True)
        return False
    os.kill(pid, signal.SIGTERM)
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            os.kill(pid, 0)
        except OSError:
            break
        try:  # reap it when it is our own child (the tests start it in-process)
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass
        time.sleep(0.3)
    else:
        os.killpg(pid, signal.SIGKILL)
    layout.pid_file.unlink(missing_ok=True)
    return True


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder.hub", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--state", type=Path, default=None, help=f"state folder (default: $CMW_HUB_STATE or {DEFAULT_STATE})")
    sub = parser.add_subparsers(dest="command", required=True)
    begin = sub.add_parser("start", help="start the course hub")
    begin.add_argument("--ip", default="127.0.0.1")
    begin.add_argument("--port", type=int, default=8000)
    begin.add_argument("--authenticator", choices=("pam", "native"), default="pam",
                       help="pam: the system accounts' passwords (default); native: sign-up with admin approval")
    begin.add_argument("--gradebook-url", default=os.environ.get("GRADEBOOK_URL"),
                       help="SQLAlchemy URL of the gradebook (default: $GRADEBOOK_URL, else SQLite in the course folder)")
    sub.add_parser("stop", help="stop the course hub")
    roster = sub.add_parser("roster", help="add learners and instructors from a CSV roster")
    roster.add_argument("csv", type=Path)
    args = parser.parse_args(argv)
    try:
        if args.command == "start":
            url = start(args.state, args.ip, args.port, args.authenticator, args.gradebook_url)
            layout = Layout(state_dir(args.state))
            print(f"\nThe course hub is running: {url}\n  state: {layout.state}\n  log:   {layout.log}\n"
                  f"Add people with `python -m autograder.hub roster roster.csv`; stop it with `make hub-stop`.")
        elif args.command == "stop":
            print("The course hub stopped." if stop(args.state) else "No course hub was running.")
        elif args.command == "roster":
            layout = prepare(args.state)
            result = apply_roster(layout, read_roster(args.csv))
            print(f"{len(result.people)} people on the roster, {len(result.created)} new account(s)"
                  + (f"; their first passwords are in {layout.hub / 'initial-passwords.csv'}" if result.created else ""))
            for problem in result.problems:
                print(f"  skipped: {problem}")
    except HubError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
