# The system under test: self-contained `dotnet publish` output (the build context) on a base image.
# BASE_IMAGE is runtime-deps where a registry is reachable; eng/container-ready.sh builds a local
# stand-in (perftests/runtime-deps:local) where none is.
ARG BASE_IMAGE=mcr.microsoft.com/dotnet/runtime-deps:10.0
FROM ${BASE_IMAGE}
WORKDIR /app
COPY . /app/
ENV DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 \
    DOTNET_gcServer=0 \
    Logging__LogLevel__Default=Warning
USER 1654
ENTRYPOINT ["/app/SystemUnderTest"]
