# HelpDesk web app. Build from the repository root:
#   docker build -t helpdesk .
# or let deploy/compose.yaml build it (see deploy/README.md).
# Not built by the automated tests: no Docker engine runs on the build machines.

# ---- build stage ---------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src

# Restore first, from the project and props files only: this layer (the NuGet
# download) is reused until a package or project reference changes.
# If a nuget.config is ever added at the root, copy it here too.
COPY Directory.Build.props Directory.Packages.props ./
COPY web/HelpDesk.Domain/HelpDesk.Domain.csproj web/HelpDesk.Domain/
COPY web/HelpDesk.Web/HelpDesk.Web.csproj web/HelpDesk.Web/
RUN dotnet restore web/HelpDesk.Web/HelpDesk.Web.csproj

# The rest of the build context: .dockerignore lets in only the props files, web/ and
# content/ (no tests, no bin/obj, no local data or keys).
COPY . .

# Front end: there is no npm step today. If web/HelpDesk.Web/package.json appears, this
# stage needs Node (install it here) and an `npm ci` + build before the publish.

# The publish output carries content/ (procedures, holidays) next to the app: the project
# file copies it, so the app finds it at /app/content.
RUN dotnet publish web/HelpDesk.Web -c Release -o /out --no-restore

# ---- runtime stage -------------------------------------------------------------
# The .NET 10 aspnet image is Ubuntu 24.04 (Microsoft ships no Debian images for .NET 10).
# It includes libicu and tzdata, which the app needs: it runs with full globalization
# (InvariantGlobalization=false) for Vietnamese and Chinese cultures and collation.
# Do not switch to a -chiseled or -alpine variant without adding ICU back
# (-chiseled-extra has it; alpine needs the icu-libs package).
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app

# Data folder (SQLite file if used, documents, keys) for the image's non-root user
# "app" ($APP_UID, 1654). Created and chowned before VOLUME, so a new named volume
# starts out owned by that user. A bind mount must be chowned to 1654 on the host.
RUN mkdir -p /data && chown "$APP_UID:$APP_UID" /data && chmod 0750 /data

# Application files stay owned by root: the app can read but not change its own code.
COPY --from=build /out ./

ENV HelpDesk__DataDirectory=/data
VOLUME /data

USER $APP_UID

# The base image sets ASPNETCORE_HTTP_PORTS=8080 (plain HTTP; TLS ends at the proxy).
EXPOSE 8080

# No HEALTHCHECK here: the image has neither curl nor wget. Probe /healthz (alive) and
# /readyz (database reachable) from outside; see deploy/README.md.
ENTRYPOINT ["dotnet", "HelpDesk.Web.dll"]
