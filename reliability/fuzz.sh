#!/usr/bin/env bash
# The reader fuzzing measure: every reader of the application (model JSON, CSV, .npz, .keras, .weights.h5, .h5,
# session and image session files, share strings, IDX images and labels) gets damaged copies of valid files and
# must refuse each with its own exception and a message, or accept it. Prints per reader: cases, clean refusals,
# accepted, stack traces, hangs, out-of-memory errors; exits non-zero when any of the last three is not zero.
#
#   reliability/fuzz.sh                                   5,000 cases per reader, seed 1, 2 s per case
#   reliability/fuzz.sh -Dfuzz.cases=20000 -Dfuzz.seed=7  more cases, another seed
#   reliability/fuzz.sh -Dfuzz.readers=npz,keras          some readers only
#   reliability/fuzz.sh -Dfuzz.readers=npz -Dfuzz.from=2960 -Dfuzz.cases=1   one reported case again
#
# Other properties: -Dfuzz.timeout=MS per case. The report is also in target/fuzz-report.txt, the inputs of faults
# in target/fuzz-failures/. Set MAVEN_OFFLINE= (empty) to let Maven download what it lacks.
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p target
rm -rf target/fuzz-failures target/fuzz-report.txt
start=$(date +%s)
mvn -B -q ${MAVEN_OFFLINE--o} -Pfuzz test -Dtest=ReaderFuzzTest -Dsurefire.failIfNoSpecifiedTests=false "$@" \
  > target/fuzz-maven.log 2>&1
rc=$?
if [ -f target/fuzz-report.txt ]; then
  cat target/fuzz-report.txt
else
  tail -40 target/fuzz-maven.log
fi
echo "wall time (with the build): $(( $(date +%s) - start )) s; exit code $rc"
exit $rc
