# Sourced by ./bpf4j and ./mvnw: finds a Java 25+ runtime and exports JAVA_HOME.
# Order: $JAVA_HOME, then `java` on PATH, then the newest /usr/lib/jvm/* (and /opt/java/*).
bpf4j_java_major() {
  # Prints the feature version of the java binary $1, or nothing if it does not run. Reads the JDK's
  # `release` file when there is one (instant); otherwise asks the JVM (a whole JVM start).
  local home release version
  home=$(dirname "$(dirname "$(readlink -f "$1")")")
  release="$home/release"
  if [ -f "$release" ]; then
    version=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")
    if [ -n "$version" ]; then
      echo "$version"
      return
    fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

bpf4j_find_java() {
  local candidate major
  for candidate in "${JAVA_HOME:+$JAVA_HOME/bin/java}" "$(command -v java 2>/dev/null)" \
      $(ls -d /usr/lib/jvm/*/bin/java /opt/java/*/bin/java 2>/dev/null | sort -rV); do
    [ -n "$candidate" ] && [ -x "$candidate" ] || continue
    major=$(bpf4j_java_major "$candidate")
    if [ -n "$major" ] && [ "$major" -ge 25 ]; then
      candidate=$(readlink -f "$candidate")
      export JAVA_HOME="${candidate%/bin/java}"
      return 0
    fi
  done
  echo "bpf4j: needs Java 25 or newer, and found none (looked at \$JAVA_HOME, java on PATH, /usr/lib/jvm/*)." >&2
  echo "bpf4j: install one (e.g. Temurin 25: package temurin-25-jdk from the Adoptium apt repository, https://adoptium.net), or point JAVA_HOME at one." >&2
  return 1
}
