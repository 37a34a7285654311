#!/bin/sh
# The counts of docs/architecture.md's checklist of the structure rules: run from the repository root (needs `duplicates` on PATH).
main() { git ls-files '*.java' | grep 'src/main/java'; }
echo "cypher-like string literals outside store/: $(main | grep -v '^store/' | xargs grep -nE '"[^"]*\b(MATCH|MERGE|UNWIND|RETURN|CREATE|DETACH DELETE|CALL \{)\s*[\(a-z]' | wc -l)"
echo "org.neo4j imports outside store/: $(main | grep -v '^store/' | xargs grep -n '^import org\.neo4j' | wc -l)"
echo "packages with product code: $(main | xargs -n1 dirname | sort -u | wc -l), package-info.java among them: $(main | grep package-info.java | wc -l)"
echo "embedded DBMS built in product code: $(main | xargs grep -n 'new DatabaseManagementServiceBuilder' | wc -l) place(s); auth_enabled true: $(main | xargs grep -n 'auth_enabled, true' | wc -l)"
fqn='\b(java|javax|io|org|com|it|picocli)\.[a-z0-9_]+(\.[a-z0-9_]+)*\.[A-Z][A-Za-z0-9_]*'
code_fqn() { xargs grep -nE "$fqn" | grep -vE '^\S+:\s*(import|package) ' | grep -vE ':\s*(\*|/\*\*|//)' | grep -vE '"[^"]*\b(java|io|org)\.[a-z]'; }
echo "inline fully qualified names, product code (held at 0 by ArchitectureTest.noTypeIsNamedInlineByItsQualifiedName): $(main | code_fqn | wc -l)"; main | code_fqn
echo "inline fully qualified names, test code: $(git ls-files '*.java' | grep 'src/test/java' | code_fqn | wc -l)"
echo "comments citing an issue, a session or a branch (held at 0 in product code by ArchitectureTest.noCommentCitesAnIssueASessionOrABranch): $(main | xargs grep -nP '(//|^\s*\*|/\*).*(?:\bissue\s*#?\d+|(?<![\w&])#\d+\b|\bsession\s+\d+|\b(tidy|aged|grow|scale|regress|import|spark|speed|farm|write|holdout|slow)\d+\b)' | wc -l)"
echo "methods named detect in product code (held at 0 by ArchitectureTest.noMethodIsNamedDetect): $(main | xargs grep -nE '\bdetect\s*\(' | grep -vE ':\s*(\*|//)' | wc -l)"
main | xargs grep -nE '\bdetect\s*\(' | grep -vE ':\s*(\*|//)'
duplicates --most 200 --seconds 120 | head -1
duplicates --most 200 --seconds 120 | grep '^D' | grep -v boilerplate
