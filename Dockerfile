# syntax=docker/dockerfile:1
# Distributed mode images: one Dockerfile, two targets.
#   docker build --target command-side -t lendpoint/command-side .
#   docker build --target query-side   -t lendpoint/query-side .
# docker-compose.yml builds both. Build stage: the Maven wrapper on a JDK; run stage: a JRE with the -exec.jar.

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY shared-api/ shared-api/
COPY platform/ platform/
COPY command-side/ command-side/
COPY query-side/ query-side/
# standalone/ is not built here, but the parent pom lists it as a module
COPY standalone/pom.xml standalone/pom.xml
# Tests run in CI (`./mvnw verify`), not in the image build: the Testcontainers tests need a Docker engine.
RUN --mount=type=cache,target=/root/.m2 \
    ./mvnw -B -q -pl command-side,query-side -am -DskipTests package \
    && mkdir /out \
    && cp command-side/target/command-side-*-exec.jar /out/command-side.jar \
    && cp query-side/target/query-side-*-exec.jar /out/query-side.jar

FROM eclipse-temurin:17-jre AS runtime
# curl for the container health checks (GET /actuator/health)
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system lendpoint && useradd --system --gid lendpoint --no-create-home lendpoint
WORKDIR /app
ENV AXONIQ_UPDATE_CHECKER_DISABLED=true \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Dfile.encoding=UTF-8"
USER lendpoint

FROM runtime AS command-side
COPY --from=build /out/command-side.jar /app/app.jar
EXPOSE 8081
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS http://localhost:8081/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]

FROM runtime AS query-side
COPY --from=build /out/query-side.jar /app/app.jar
EXPOSE 8082
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
    CMD curl -fsS http://localhost:8082/actuator/health || exit 1
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
