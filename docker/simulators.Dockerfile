# syntax=docker/dockerfile:1
# Stand-ins for the national portal, the population database, the one-stop-shop, the document axis and the agencies'
# push endpoints (modules/hub-simulators), for a production-like set-up without the real systems. Never in front of
# real data. Built like the hub's image, from the repository root, after ./mvnw -B package -DskipTests:
#
#   docker build -f docker/simulators.Dockerfile -t lgsp-hub-simulators:0.1.0-SNAPSHOT .
#
# Entrypoint: what scripts/run starts, `java $JAVA_OPTS -jar hub-simulators-*-exec.jar` (main class
# vn.lgsp.hub.simulators.SimulatorsMain), settings from SIM_* environment variables (docs/CONFIGURATION.md).

ARG JAVA_IMAGE=eclipse-temurin:17-jre
FROM ${JAVA_IMAGE}
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 lgsp \
 && useradd --system --uid 10001 --gid lgsp --no-create-home --shell /usr/sbin/nologin lgsp
WORKDIR /simulators
ARG SIM_JAR=modules/hub-simulators/target/hub-simulators-*-exec.jar
COPY ${SIM_JAR} hub-simulators.jar
# inside a container the simulators listen on every interface (their default is 127.0.0.1)
ENV SIM_BIND_ADDRESS=0.0.0.0 \
    SIM_PORTAL_PORT=18081 \
    SIM_POPULATION_PORT=18082 \
    SIM_ONESTOP_PORT=18083 \
    SIM_AXIS_PORT=18084 \
    SIM_AGENCY_PORT=18085 \
    SIM_BUSINESS_PORT=18086 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
USER 10001:10001
EXPOSE 18081 18082 18083 18084 18085 18086
# the same probe scripts/run waits on
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=3 \
  CMD curl -fsS -o /dev/null --max-time 4 "http://127.0.0.1:${SIM_PORTAL_PORT}/__admin/health" || exit 1
ENTRYPOINT ["java", "-jar", "hub-simulators.jar"]
