"""Command line of the grading toolkit: ``python -m autograder <command>`` (also installed as ``cmw-grade``).

Commands:
  collect ASSIGNMENT nbgrader's collect from the exchange inbox without following links or trusting an edited
                     timestamp.txt; a status line per learner, statuses in reports/ASSIGNMENT/collect-status.csv
  grade ASSIGNMENT   autograde every submission in parallel, with a progress bar and a status line per
                     submission (graded, late, error with reason); results in the gradebook as with
                     `nbgrader autograde`, statuses in reports/ASSIGNMENT/grading-status.csv
  feedback ASSIGNMENT
                     feedback for learners without leaks: points, check messages and comments, never
                     hidden-test code or expected values (HTML in feedback/, as nbgrader writes it)
  gradebook migrate --to URL
                     copy the SQLite gradebook into PostgreSQL (or another database) and compare the counts
  report ASSIGNMENT  per-item scores, Canvas and Moodle import files, and the class report (HTML with
                     charts) in reports/ASSIGNMENT/ (for the final assessment also final-responses.csv)
  final-items CSV [CSV ...] --out FILE
                     pool the final assessment's final-responses.csv of several sittings or forms into
                     difficulty and discrimination per bank item
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent


def default_root() -> Path:
    """The course root nbgrader itself would use from here: the current folder when it is one (autograder/, or the
    hub's course folder), else the course's own autograder/."""
    here = Path.cwd()
    return here if (here / "nbgrader_config.py").is_file() else ROOT


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m autograder", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--root", type=Path, default=default_root(),
                        help="the nbgrader course root (default: the current folder if it holds an nbgrader_config.py, "
                             "as for nbgrader's own commands, else autograder/)")
    sub = parser.add_subparsers(dest="command", required=True)
    gather = sub.add_parser("collect", help="collect submissions from the exchange, safely")
    gather.add_argument("assignment")
    gather.add_argument("--student", default=None, help="collect only this learner")
    gather.add_argument("--tolerance", type=float, default=None,
                        help="seconds timestamp.txt may claim before the submission's last change (default: 120)")
    grade = sub.add_parser("grade", help="autograde all submissions in parallel")
    grade.add_argument("assignment")
    grade.add_argument("--workers", type=int, default=None, help="worker processes (default: the number of cores)")
    grade.add_argument("--student", action="append", help="grade only this learner (repeatable)")
    grade.add_argument("--no-progress", action="store_true")
    grade.add_argument("--sandbox", dest="sandbox", action="store_true", default=None,
                       help="require the sandbox (default: use it where available, warn loudly where not)")
    grade.add_argument("--no-sandbox", dest="sandbox", action="store_false", help="grade without the sandbox")
    feedback = sub.add_parser("feedback", help="generate feedback without hidden tests")
    feedback.add_argument("assignment")
    feedback.add_argument("--student", action="append", help="only this learner (repeatable)")
    report = sub.add_parser("report", help="exports for LMSs and the class report")
    report.add_argument("assignment")
    pool = sub.add_parser("final-items", help="the final assessment's items pooled over sittings and forms")
    pool.add_argument("responses", nargs="+", type=Path, help="final-responses.csv files written by `report`")
    pool.add_argument("--out", type=Path, required=True, help="the CSV to write")
    book = sub.add_parser("gradebook", help="the gradebook's database")
    book.add_argument("action", choices=["migrate"])
    book.add_argument("--to", required=True, help="SQLAlchemy URL of the new, empty gradebook")
    book.add_argument("--from", dest="source", default=None, help="the gradebook to copy (default: the course's)")
    args = parser.parse_args(argv)

    if args.command == "final-items":
        from autograder.reports import write_pooled

        print(f"bank items pooled over {len(args.responses)} file(s): {write_pooled(args.responses, args.out)}")
        return 0

    from autograder.gradebook import GradebookError, check_reachable, gradebook_url, shown

    if args.command == "gradebook":
        from autograder.gradebook import migrate

        source = args.source or gradebook_url(args.root)
        try:
            counts = migrate(source, args.to)
        except GradebookError as error:
            print(f"Not migrated: {error}", file=sys.stderr)
            return 1
        print(f"Copied {sum(counts.values())} rows from {shown(source)} to {shown(args.to)}; the rows match "
              f"table by table ({', '.join(f'{k} {v}' for k, v in counts.items() if v)}). Point "
              f"c.CourseDirectory.db_url (or GRADEBOOK_URL) at the new gradebook.")
        return 0
    if args.command in ("collect", "grade", "feedback", "report"):
        try:
            check_reachable(gradebook_url(args.root))
        except GradebookError as error:
            print(f"Nothing was done: {error}", file=sys.stderr)
            return 1
    if args.command == "collect":
        from nbgrader.exchange import ExchangeError

        from autograder.collect import collect

        try:
            outcomes = collect(args.root, args.assignment, args.student, tolerance=args.tolerance)
        except ExchangeError as error:
            print(f"Nothing was collected: {error}", file=sys.stderr)
            return 1
        for outcome in outcomes:
            print(outcome.line())
        counts = {status: sum(o.status == status for o in outcomes) for status in dict.fromkeys(o.status for o in outcomes)}
        print(f"{args.assignment}: {', '.join(f'{n} {status}' for status, n in counts.items()) or 'nothing in the inbox'} "
              f"(see {args.root / 'reports' / args.assignment / 'collect-status.csv'})")
        return 0
    if args.command == "grade":
        from autograder.grading import grade_all

        outcomes = grade_all(args.root, args.assignment, args.student, args.workers, progress=not args.no_progress,
                             sandbox=args.sandbox)
        errors = [o for o in outcomes if o.status == "error"]
        print(f"{len(outcomes)} submission(s): {len(outcomes) - len(errors)} graded, {len(errors)} with errors "
              f"(see {args.root / 'reports' / args.assignment / 'grading-status.csv'})")
        return 0
    if args.command == "feedback":
        from autograder.feedback import generate_feedback

        folder = generate_feedback(args.root, args.assignment, args.student)
        print(f"feedback written to {folder} (release it with `nbgrader release_feedback {args.assignment}`)")
        return 0
    if args.command == "report":
        from autograder.reports import class_report, write_lms_files

        out = args.root / "reports" / args.assignment
        for name, path in write_lms_files(args.root, args.assignment, out).items():
            print(f"{name:>7}: {path}")
        print(f" report: {class_report(args.root, args.assignment, out)}")
        return 0
    return 2


if __name__ == "__main__":
    sys.exit(main())
