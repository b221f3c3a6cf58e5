#!/usr/bin/env bash
# Conditional Access evaluation benchmark (DESIGN §10: single diagnosis incl. CA evaluation of 50 policies,
# p99 <= 5 ms): a synthetic tenant of 50 realistic policies, 10,000 varied sign-ins, a warm-up, then every
# sign-in timed on its own; prints p50 / p99 / max in ms and evaluations per second. Asserts nothing.
# Usage: benchmarks/policy/run.sh [SIGN_INS] [ROUNDS] [SEED]     (defaults 10,000 3 42)
#
# Needs the policy bundle installed (mvn install -f bundles/io.signdx.policy/pom.xml); builds this module
# when its classes are missing (MVN_ARGS, e.g. "-o", is passed to Maven).
set -euo pipefail
cd "$(dirname "$0")"
if [ ! -d target/lib ] || [ ! -d target/classes/io ]; then
  echo "building benchmarks/policy" >&2
  mvn -q ${MVN_ARGS:-} -DskipTests package
fi
exec java -Xms256m -Xmx256m -cp "target/classes:target/lib/*" io.signdx.bench.policy.PolicyBenchmark "$@"
