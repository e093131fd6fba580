"""Command line of the workbook: ``python -m course <command>`` (also installed as ``cmw``).

Commands:
  doctor        check the set-up ([ OK ] / [FAIL] per dependency and notebook folder)
  workbook      generate or refresh the learner workbook in workbook/ (never overwrites your changes)
  lab           open JupyterLab on workbook/ with learner tools only (what `make lab` runs)
  grade         grade your own workbook with nbgrader and write feedback to workbook/feedback/
  markscheme    write the instructor's mark schemes to autograder/markscheme/
  nav           regenerate the previous/next links of the master notebooks (--check: only verify)
  datadict      regenerate docs/data-dictionary.md from the schema and the shipped data
  timing        each master notebook's estimated and stated time
  progress      which exercises you have got right so far, per module (from workbook/.progress.json)
  final         (instructors) draw the final assessment's two forms from the bank in autograder/final/ and write
                a form's master notebook (--form A|B, --seed N, --output P); --check prints the forms' balance
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("doctor", help="check the set-up")
    sub.add_parser("workbook", help="generate the learner workbook")
    lab = sub.add_parser("lab", help="open JupyterLab on the workbook")
    lab.add_argument("--ip", default="127.0.0.1")
    lab.add_argument("--port", type=int, default=8888)
    grade = sub.add_parser("grade", help="grade your own workbook")
    grade.add_argument("modules", nargs="*", help="module folders (default: every module with an assignment)")
    grade.add_argument("--workbook", default=None, help="the workbook to grade (default: workbook/)")
    sub.add_parser("markscheme", help="write the mark schemes")
    nav = sub.add_parser("nav", help="regenerate previous/next links")
    nav.add_argument("--check", action="store_true")
    sub.add_parser("datadict", help="regenerate the data dictionary")
    timing = sub.add_parser("timing", help="estimated and stated time of each notebook")
    timing.add_argument("notebooks", nargs="*", help="notebooks (default: every master)")
    progress = sub.add_parser("progress", help="which exercises you have got right so far")
    progress.add_argument("--record", help="the progress file (default: workbook/.progress.json)")
    progress.add_argument("--detail", action="store_true", help="also list every exercise and its state")
    progress.add_argument("--chart", metavar="PNG", help="also save the progress chart to this file")
    final = sub.add_parser("final", help="draw the final assessment's forms and write a form's notebook")
    final.add_argument("--form", choices=("A", "B"), default="A", help="the form to write (default: A, the committed one)")
    final.add_argument("--seed", type=int, default=None, help="the draw's seed (default: the course's)")
    final.add_argument("--check", action="store_true", help="only print the two forms' balance table")
    final.add_argument("--output", default=None, help="where to write the notebook (default: the master, "
                                                       "module5_analysis/5.7-final-assessment.ipynb)")
    final.add_argument("--bank", default=None, help="the item bank's folder (default: autograder/final/)")
    args = parser.parse_args(argv)

    if args.command == "doctor":
        from course.doctor import main as doctor

        return doctor()
    if args.command == "workbook":
        from course.workbook import generate, report

        print("Generating the learner workbook with nbgrader ...", flush=True)
        print(report(generate()))
        return 0
    if args.command == "lab":
        from course.lab import main as lab_main
        from course.workbook import WORKBOOK

        return lab_main(WORKBOOK, args.ip, args.port)
    if args.command == "grade":
        from pathlib import Path

        from course.selfgrade import main as grade_main
        from course.workbook import WORKBOOK

        return grade_main(args.modules, Path(args.workbook) if args.workbook else WORKBOOK)
    if args.command == "markscheme":
        from course.markscheme import write_all
        from course.nbgrader_cli import COURSE_ROOT
        from course.syllabus import MODULES

        for path in write_all(MODULES, COURSE_ROOT / "markscheme"):
            print(f"wrote {path}")
        return 0
    if args.command == "timing":
        from pathlib import Path

        from course.syllabus import REPO_ROOT
        from course.timing import report

        paths = [Path(p) for p in args.notebooks] or sorted(REPO_ROOT.glob("module*_*/*.ipynb"))
        print(report(paths))
        return 0
    if args.command == "nav":
        from course.nav import update

        stale = update(check=args.check)
        if args.check and stale:
            print("Out-of-date navigation links (run `python -m course nav`):\n  " + "\n  ".join(stale))
            return 1
        print(f"{'Checked' if args.check else 'Updated'} navigation links.")
        return 0
    if args.command == "final":
        from course.final import SEED, main as final_main

        return final_main(args.form, SEED if args.seed is None else args.seed, args.check, args.output, args.bank)
    if args.command == "progress":
        return _progress(args.record, args.detail, args.chart)
    if args.command == "datadict":
        from course.datasets.datadict import write

        print(f"wrote {write()}")
        return 0
    return 2


def _progress(record: str | None, detail: bool, chart_file: str | None) -> int:
    from pathlib import Path

    from course import progress
    from course.workbook import WORKBOOK

    path = Path(record) if record else (progress.record_path() or WORKBOOK / progress.RECORD_NAME)
    print(progress.table(path))
    if detail:
        print("\n" + progress.detail(progress.read(path).entries).to_string(index=False))
    if chart_file:
        import matplotlib

        matplotlib.use("Agg")
        figure = progress.chart(progress.summary(progress.read(path).entries))
        figure.savefig(chart_file, dpi=120)
        print(f"\nChart saved to {chart_file}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
