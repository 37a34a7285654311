#!/usr/bin/env bash
# Issue #17, "names that say which thing it is": the renames of branch tidy9 (commit 4513304), mechanical, over the whole tree
# (Java sources, resources, docs, README). Run from the repository root on a clean work tree, then build and commit:
#   bash docs/issue17-rename.sh && mvn -B -q -o -DskipTests package && git add -A && git commit
# Re-runnable: on main after other branches are merged, before or after this branch's rename commit, it renames
# whatever still carries the old names (code those branches add with DetectionParams, say) and nothing else.
# By hand after the first run: docs/architecture.md's checklist rows for the rename (written without the old names,
# so that a later run leaves them alone).
#
#   store   ResultWriter.CoordinationResult      -> ResultWriter.CoordinationEdgeResult  (frees the name for core's)
#   core    coordination.DetectionResult          -> coordination.CoordinationResult
#   core    coordination.DetectionParams          -> coordination.CoordinationParams
#   cli     analysis.DetectionEngine              -> analysis.CoordinationEngine, its detect(..) -> run(..)
#           (SparkEngine's too; the service file is renamed with it)
#   sim.    evaluate.Detector                     -> evaluate.ArchiveDetector
#   cli     analysis.LockstepDetector             -> analysis.AnalysisDetector
#   imp.    FormatDetector.detect, ArchiveParsing.detect -> formatOf
#   spark   SparkCoActions.detect                 -> SparkCoActions.pairs
# Left as they are, each already saying which thing it is: CommunityDetection.communities, CoordinationSignal.graph,
# CoordinationDetector.run, CampaignDetector.campaigns, DetectCommand (the `detect` command, a public name).
set -euo pipefail
cd "$(git rev-parse --show-toplevel)"


# every tracked text file the names can appear in
files() { git ls-files -- '*.java' '*.md' '*.xml' '*.txt' ':!docs/issue17-rename.sh'; }
# perl over the files that contain $1 (a regex), with the substitution $2
sub() {
    local hits
    hits=$(files | xargs grep -lP -- "$1" 2>/dev/null || true)
    [ -z "$hits" ] && return 0
    echo "$hits" | xargs perl -pi -e "$2"
}
# git mv of a Java file found by its name
move() {
    local from to
    from=$(git ls-files -- "*/$1.java")
    if [ -z "$from" ]; then
        git ls-files -- "*/$2.java" | grep -q . || { echo "rename.sh: neither $1.java nor $2.java" >&2; exit 1; }
        return 0 # moved by an earlier run
    fi
    to="$(dirname "$from")/$2.java"
    git mv "$from" "$to"
}

# 1. methods named detect, by their receivers (before the types move, so that the receivers are still unambiguous)
sub '\b(FormatDetector|ArchiveParsing)\.detect\(' 's/\b(FormatDetector|ArchiveParsing)\.detect\(/$1.formatOf(/g'
sub '\b(FormatDetector|ArchiveParsing)#detect\b' 's/\b(FormatDetector|ArchiveParsing)#detect\b/$1#formatOf/g'
perl -pi -e 's/\bpublic static Format detect\(/public static Format formatOf(/' \
    "$(git ls-files -- '*/FormatDetector.java')" "$(git ls-files -- '*/ArchiveParsing.java')"
sub '\bSparkCoActions[.#]detect\b' 's/\bSparkCoActions([.#])detect\b/SparkCoActions$1pairs/g'
perl -pi -e 's/\bpublic static Result detect\(/public static Result pairs(/; s/\breturn detect\(spark/return pairs(spark/; s/\{\@link #detect\}/{\@link #pairs}/g' \
    "$(git ls-files -- '*/SparkCoActions.java')"
# the engines' detect: declared in DetectionEngine and SparkEngine, called on an engine
engine_files=$(files | xargs grep -lE '\b(DetectionEngine|SparkEngine)\b' || true)
[ -n "$engine_files" ] && echo "$engine_files" | xargs perl -pi -e \
    's/\bDetectionResult detect\(/DetectionResult run(/g; s/(\)|\bengine)\.detect\(/$1.run(/g; s/\bDetectionEngine#detect\b/DetectionEngine#run/g'

# 2. types, the store's record first: only while it still has its old name (on a first run every CoordinationResult
#    is the store's; afterwards the name is core's)
if git grep -qE 'record CoordinationResult\(' -- '*/ResultWriter.java'; then
    sub '\bCoordinationResult\b' 's/\bCoordinationResult\b/CoordinationEdgeResult/g'
fi
sub '\bDetectionResult\b' 's/\bDetectionResult\b/CoordinationResult/g'
move DetectionResult CoordinationResult
sub '\bDetectionParams\b' 's/\bDetectionParams\b/CoordinationParams/g'
move DetectionParams CoordinationParams
sub '\bDetectionEngine\b' 's/\bDetectionEngine\b/CoordinationEngine/g'
move DetectionEngine CoordinationEngine
service=$(git ls-files -- '*/META-INF/services/io.lockstep.analysis.DetectionEngine$Provider')
[ -n "$service" ] && git mv "$service" "$(dirname "$service")/io.lockstep.analysis.CoordinationEngine\$Provider"
sub '\bLockstepDetector\b' 's/\bLockstepDetector\b/AnalysisDetector/g'
move LockstepDetector AnalysisDetector
# evaluate.Detector: the bare word in Java (import, type, link) and the qualified name in prose
java_hits=$(git ls-files -- '*.java' | xargs grep -lw 'Detector' || true)
[ -n "$java_hits" ] && echo "$java_hits" | xargs perl -pi -e 's/(?<![\w.])(io\.lockstep\.evaluate\.)?Detector\b(?!\.java)/$1ArchiveDetector/g'
sub '\bevaluate\.Detector\b' 's/\bevaluate\.Detector\b/evaluate.ArchiveDetector/g'
move Detector ArchiveDetector

# 3. what is left of the old names (should be nothing)
left=$(files | xargs grep -nwE 'DetectionResult|DetectionParams|DetectionEngine|LockstepDetector' || true)
left_detect=$(git ls-files -- '*/src/main/java/*.java' | xargs grep -nE '\bdetect\s*\(' | grep -vE ':\s*(\*|//)' || true)
if [ -n "$left$left_detect" ]; then
    echo "rename.sh: old names left:" >&2
    echo "$left" >&2
    echo "$left_detect" >&2
    exit 2
fi
echo "rename.sh: done; now build (mvn -B -q -o -DskipTests package) and run the suite"
