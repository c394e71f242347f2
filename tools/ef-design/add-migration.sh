#!/usr/bin/env bash
# Adds a migration for both database providers:  tools/ef-design/add-migration.sh NAME
# Builds two empty placeholder packages for the dependencies of Microsoft.EntityFrameworkCore.Design
# that the package registry here lacks, then runs dotnet-ef with this project as the startup project.
set -euo pipefail
name=${1:?usage: add-migration.sh MigrationName}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
work="$here/.work"
mkdir -p "$work/feed"

placeholder() { # id version
  local dir="$work/placeholder-$1"
  mkdir -p "$dir"
  cat > "$dir/p.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>netstandard2.0</TargetFramework>
    <PackageId>$1</PackageId><Version>$2</Version>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
    <IncludeBuildOutput>false</IncludeBuildOutput><NoWarn>NU5128;NU5017</NoWarn>
  </PropertyGroup>
  <ItemGroup>
    <None Include="p.csproj" Pack="true" PackagePath="placeholder.txt" />
  </ItemGroup>
  <PropertyGroup>
  </PropertyGroup>
</Project>
XML
  [ -f "$work/feed/$1.$2.nupkg" ] || dotnet pack "$dir/p.csproj" -o "$work/feed" -v q >/dev/null
}
placeholder Mono.TextTemplating 3.0.0
placeholder Microsoft.VisualStudio.SolutionPersistence 1.0.52

cat > "$here/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="placeholders" value="$work/feed" />
  </packageSources>
</configuration>
XML

[ -x "$work/tools/dotnet-ef" ] || dotnet tool install dotnet-ef --version 10.0.14 --tool-path "$work/tools" >/dev/null
ef="$work/tools/dotnet-ef"

dotnet restore "$here" >/dev/null
cd "$root"
for provider in Sqlite Postgres; do
  "$ef" migrations add "$name" --project web/HelpDesk.Web --startup-project tools/ef-design \
    --context "${provider}HelpDeskDbContext" --output-dir "Data/Migrations/$provider"
done
