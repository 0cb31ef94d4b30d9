# Sourced by .ci/run: makes JAVA_HOME point at a JDK 21 or newer.
# Keeps the current one when it is new enough; otherwise takes the newest JDK found in the usual
# install locations. Fails loudly when there is none.

java_major() { # prints the feature version of the java binary $1
  "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

current_java="${JAVA_HOME:+$JAVA_HOME/bin/java}"
current_java="${current_java:-$(command -v java || true)}"
if [ -n "$current_java" ] && [ -x "$current_java" ] && [ "$(java_major "$current_java")" -ge 21 ] 2>/dev/null; then
  export JAVA_HOME="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$current_java")")")}"
else
  best="" best_major=0
  for candidate in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java /opt/*/bin/java "$HOME"/.sdkman/candidates/java/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$(java_major "$candidate" 2>/dev/null || echo 0)
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate" best_major="$major"
    fi
  done
  if [ -z "$best" ]; then
    echo "error: Taskline needs a JDK 21 or newer and none was found (default java: ${current_java:-none})." >&2
    echo "Install one and set JAVA_HOME to it." >&2
    exit 1
  fi
  export JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$best")")")"
fi
echo "Using JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"
