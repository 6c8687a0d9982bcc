"""Score of `make mutation`: killed mutants out of all mutants but the equivalent ones; lists the others.

Reads `mutmut results --all true`; the equivalent mutants are the ids in the table of docs/testing.md
(« Les tests de mutation »), each with its reason. Arguments (mutmut's names, globs) restrict the score to those
mutants. Exits 1 below the threshold, or if an id of the table is unknown to mutmut.
"""

import fnmatch
import re
import subprocess  # noqa: S404 - runs mutmut, from the same virtualenv
import sys
from collections import Counter
from pathlib import Path

THRESHOLD = 95.0
KILLED = {"killed", "timeout", "caught by type check"}
EQUIVALENT_ROW = re.compile(r"^\|\s*`([\w.]+__mutmut_\d+)`\s*\|", re.MULTILINE)
RESULT_LINE = re.compile(r"^\s*([\w.]+__mutmut_\d+): (.+)$")


def results() -> dict[str, str]:
    mutmut = Path(sys.executable).with_name("mutmut")
    output = subprocess.run([mutmut, "results", "--all", "true"], capture_output=True, text=True, check=True)  # noqa: S603
    return {match[1]: match[2].strip() for line in output.stdout.splitlines() if (match := RESULT_LINE.match(line))}


def equivalents(doc: Path) -> set[str]:
    return set(EQUIVALENT_ROW.findall(doc.read_text(encoding="utf-8")))


def main() -> int:
    everything, patterns = results(), sys.argv[1:]
    statuses = {
        name: status
        for name, status in everything.items()
        if not patterns or any(fnmatch.fnmatch(name, pattern) for pattern in patterns)
    }
    if not statuses:
        print("Aucun résultat de mutmut : lancer `make mutation`.")
        return 1
    equivalent = equivalents(Path(__file__).resolve().parent.parent / "docs" / "testing.md")
    counted = {name: status for name, status in statuses.items() if name not in equivalent}
    survivors = sorted(name for name, status in counted.items() if status not in KILLED)
    killed = len(counted) - len(survivors)
    score = 100 * killed / len(counted) if counted else 100.0
    for name in survivors:
        print(f"  {name}: {counted[name]}")
    print(f"Statuts : {dict(Counter(statuses.values()))}")
    print(
        f"{len(statuses)} mutants, {len(equivalent & statuses.keys())} équivalents, {killed} tués, "
        f"{len(survivors)} survivants : score {score:.1f} % (seuil {THRESHOLD:.0f} %)"
    )
    if unknown := sorted(equivalent - everything.keys()):
        print(f"Mutants équivalents inconnus de mutmut (docs/testing.md) : {', '.join(unknown)}")
        return 1
    return 0 if score >= THRESHOLD else 1


if __name__ == "__main__":
    sys.exit(main())
