# ResearchBot: the `discord` host (or any other verb) in a container.
#   docker build -t researchbot .
#   docker run -d --name researchbot -v researchbot-data:/data -p 8080:8080 -e Discord__Token=... researchbot
# The base images are build arguments, so a mirror or a locally made base can stand in (deploy/smoke-test does that):
# the SDK image needs the .NET 10 SDK, the runtime image the ASP.NET Core 10 runtime (Kestrel serves /healthz) and bash.
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/aspnet:10.0

FROM ${SDK_IMAGE} AS build
# For networks whose TLS inspection breaks certificate revocation checks; "online" is NuGet's default.
ARG NUGET_CERT_REVOCATION_MODE=online
ENV NUGET_CERT_REVOCATION_MODE=${NUGET_CERT_REVOCATION_MODE} DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
WORKDIR /src
# Restore first, from the project files alone, so a code change does not download the packages again.
COPY Directory.Build.props Directory.Packages.props ./
COPY src/ResearchBot.Core/ResearchBot.Core.csproj src/ResearchBot.Core/
COPY src/ResearchBot.Discord/ResearchBot.Discord.csproj src/ResearchBot.Discord/
COPY src/ResearchBot.Cli/ResearchBot.Cli.csproj src/ResearchBot.Cli/
RUN dotnet restore src/ResearchBot.Cli/ResearchBot.Cli.csproj
COPY src/ src/
COPY prompts/ prompts/
COPY data/sample/ data/sample/
# The prompts and the sample corpus are built into the assemblies: the image needs no folders beside the program.
RUN dotnet publish src/ResearchBot.Cli/ResearchBot.Cli.csproj -c Release -o /app --no-restore -p:UseAppHost=false

FROM ${RUNTIME_IMAGE}
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    Storage__Path=/data/researchbot.db \
    Health__Url=http://0.0.0.0:8080 \
    Logging__Console__FormatterName=json \
    Logging__LogLevel__Default=Information
RUN (getent group researchbot || groupadd --system researchbot) \
 && (id researchbot || useradd --system --gid researchbot --home-dir /data --no-create-home --shell /usr/sbin/nologin researchbot) \
 && mkdir -p /data && chown researchbot:researchbot /data
WORKDIR /app
COPY --from=build /app ./
USER researchbot
VOLUME ["/data"]
EXPOSE 8080
# Alive means GET /healthz on Health__Url answers 200 (bash's /dev/tcp: the runtime image has no curl).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["bash", "-c", "\
  a=${Health__Url#*://}; a=${a%%/*}; h=${a%:*}; p=${a##*:}; [ \"$h\" = 0.0.0.0 ] && h=127.0.0.1; \
  exec 3<>/dev/tcp/$h/$p && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "/app/researchbot.dll"]
CMD ["discord"]
