#!/usr/bin/env bash
# Where the server's time goes, from a JFR recording made under load (bench/run.sh --profile).
#
#   bench/jfr-split.sh RECORDING.jfr [SERVER_USER_CPU_US_PER_REQUEST]
#
# Execution samples (jdk.ExecutionSample: threads running Java code; bench/run.sh samples every
# 2 ms) are attributed to one layer each, and to the phase of the request they are in. Given the
# server's user-mode CPU per request (bench/run.sh measures it from /proc), each share is also
# shown in microseconds per request. Time in the kernel (socket reads and writes, epoll, parking
# threads) is not in these samples, nor are GC and JIT threads: the GC's own CPU follows, from
# JFR's views, with the hottest methods and allocation sites.
set -euo pipefail
. "$(dirname "$0")/../.ci/jdk.sh" > /dev/null
file=$1
user_cpu_per_request=${2:-}
JFR="$JAVA_HOME/bin/jfr"

# Layer of a sample:
#  - bcrypt or JWT when their library is anywhere on the stack (so java-jwt's own JSON parsing and
#    the JDK's HMAC count as JWT);
#  - otherwise the library of the innermost frame that is not the JDK's (or Kotlin's standard
#    library, which Javalin is written with): JDK frames count for the code that called them, so
#    socket writes of the driver are "SQL driver", string building in our mappers is "Taskline";
#  - only JDK frames: the virtual-thread scheduler, or "JDK, other".
# Phase: inside the authentication before-handler, inside a route handler, or neither (Jetty and
# Javalin around the handlers: parsing, routing, writing the response).
"$JFR" print --events jdk.ExecutionSample --stack-depth 256 "$file" | awk -v cpu="$user_cpu_per_request" '
function layer_of(frame) {
  if (frame ~ /^org\.postgresql\./) return "SQL driver (pgjdbc, incl. socket I/O)"
  if (frame ~ /^com\.zaxxer\.hikari\./) return "connection pool (HikariCP)"
  if (frame ~ /^org\.jooq\./) return "jOOQ (SQL rendering, binding, records)"
  if (frame ~ /^com\.fasterxml\.jackson\./) return "JSON (Jackson)"
  if (frame ~ /^org\.eclipse\.jetty\./) return "HTTP (Jetty)"
  if (frame ~ /^io\.javalin\./) return "HTTP (Javalin)"
  if (frame ~ /^dev\.taskline\./) return "Taskline code (handlers, domain, mapping)"
  if (frame ~ /^(ch\.qos\.logback|org\.slf4j)\./) return "logging"
  if (frame ~ /^(java|javax|jdk|sun|com\.sun|kotlin)\./) return ""
  return "other libraries"
}
function flush(   i, layer, phase, all) {
  if (n == 0) return
  all = ""
  for (i = 1; i <= n; i++) all = all "\n" f[i]
  layer = ""
  if (all ~ /at\.favre\.lib\.crypto\.bcrypt\./) layer = "bcrypt"
  else if (all ~ /com\.auth0\.jwt\./) layer = "JWT (java-jwt, HMAC-SHA256)"
  else for (i = 1; i <= n && layer == ""; i++) layer = layer_of(f[i])
  if (layer == "") layer = (all ~ /(VirtualThread|ForkJoin|Continuation)/) ? "JDK: virtual-thread scheduling" : "JDK: other"
  if (all ~ /BearerAuthentication\.handle/) phase = "authentication (JWT + account look-up)"
  else if (all ~ /dev\.taskline\.http\.javalin\.[a-z]+\.[A-Za-z]+Handlers\./) phase = "route handler (use case, SQL, JSON)"
  else phase = "HTTP around the handlers"
  samples++; by_layer[layer]++; by_phase[phase]++; by_both[phase SUBSEP layer]++
  n = 0
}
/^jdk\.ExecutionSample/ { flush(); in_stack = 0; next }
/stackTrace = \[/ { in_stack = 1; next }
in_stack && /^[ \t]*\]/ { in_stack = 0; next }
in_stack { line = $0; sub(/^[ \t]+/, "", line); if (line != "...") f[++n] = line }
END {
  flush()
  if (samples == 0) { print "no execution samples in the recording"; exit }
  us = (cpu != "") ? "  us/req" : ""
  printf "%d execution samples%s\n\n", samples, (cpu != "") ? sprintf("; server user-mode CPU %s us per request", cpu) : ""
  printf "%-84s %7s%s\n", "layer (innermost non-JDK frame)", "share", us
  print_sorted(by_layer)
  printf "\n%-84s %7s%s\n", "phase of the request", "share", us
  print_sorted(by_phase)
  printf "\n%-84s %7s%s\n", "phase / layer", "share", us
  print_sorted(by_both)
}
function print_sorted(a,   k, best, bestk, done_, m, shown) {
  shown = 0
  for (k in a) m++
  while (shown < m) {
    best = -1
    for (k in a) if (!(k in done_) && a[k] > best) { best = a[k]; bestk = k }
    done_[bestk] = 1; shown++
    label = bestk; gsub(SUBSEP, " / ", label)
    if (best * 1000 < samples * 5) continue    # under 0.5 %: noise
    printf "%-84s %6.1f%%", substr(label, 1, 84), 100 * best / samples
    if (cpu != "") printf " %7.0f", cpu * best / samples
    printf "\n"
  }
}'

for view in hot-methods allocation-by-site gc-cpu-time gc-pauses exception-count cpu-load; do
  printf '\n== jfr view %s\n' "$view"
  "$JFR" view --width 160 "$view" "$file" 2>&1 | head -40
done
