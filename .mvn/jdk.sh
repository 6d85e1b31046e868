# Sourced by ./mvnw: makes the build use a JDK 25 or newer without any setting by hand.
# Keeps JAVA_HOME (or the java on PATH) when it already is one; otherwise picks the
# first JDK 25+ found in the usual install locations.
fsc_java_feature() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}
fsc_current_java="java"
[ -n "${JAVA_HOME:-}" ] && fsc_current_java="$JAVA_HOME/bin/java"
if [ "$(fsc_java_feature "$fsc_current_java" 2>/dev/null || echo 0)" -lt 25 ] 2>/dev/null; then
  for fsc_jdk in /usr/lib/jvm/temurin-25* /usr/lib/jvm/java-25* /usr/lib/jvm/*-2[5-9]* /usr/lib/jvm/* \
      "$HOME"/.sdkman/candidates/java/* /Library/Java/JavaVirtualMachines/*/Contents/Home; do
    if [ -x "$fsc_jdk/bin/javac" ] && [ "$(fsc_java_feature "$fsc_jdk/bin/java")" -ge 25 ] 2>/dev/null; then
      JAVA_HOME="$fsc_jdk"
      export JAVA_HOME
      break
    fi
  done
fi
unset fsc_jdk fsc_current_java
