using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace QgaKit.Templates.Tests.Infrastructure;

/// <summary>
/// Packs the kit once per test run (QgaKit and QgaKit.Templates, with a unique prerelease version so NuGet's cache
/// never serves an older build), writes a nuget.config that adds the local folder feed, and installs the template
/// package into a private hive (<c>--debug:custom-hive</c>, SDK templates hidden).
/// </summary>
public sealed class KitPackagesFixture : IDisposable
{
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(10);

    public KitPackagesFixture()
    {
        WorkDirectory = Directory.CreateTempSubdirectory("qgakit-templates-").FullName;
        Feed = Path.Combine(WorkDirectory, "feed");
        Hive = Path.Combine(WorkDirectory, "hive");
        Version = "0.1.0-t" + DateTime.UtcNow.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture);
        var artifacts = Path.Combine(WorkDirectory, "artifacts");

        Time("pack", () =>
        {
            foreach (var project in new[] { RepositoryPaths.RuntimeProject, RepositoryPaths.TemplatesProject })
            {
                ProcessRunner.Dotnet(RepositoryPaths.Root, PackTimeout, "pack", project, "-c", "Release", "-o", Feed,
                    "--artifacts-path", artifacts, "-p:Version=" + Version).EnsureSuccess();
            }
        });

        // Every project scaffolded below WorkDirectory restores QgaKit from the local feed (and the rest from the
        // machine's usual sources).
        File.WriteAllText(Path.Combine(WorkDirectory, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="qgakit-local" value="{Feed}" />
              </packageSources>
            </configuration>
            """);

        InstallOutput = Time("install", () => NewCommand(WorkDirectory, "install", Path.Combine(Feed, $"QgaKit.Templates.{Version}.nupkg"), "-v", "diag")
            .EnsureSuccess().Output);
    }

    public string WorkDirectory { get; }

    /// <summary>The local folder feed holding the packed nupkgs.</summary>
    public string Feed { get; }

    public string Hive { get; }

    /// <summary>The version both packages were packed with (and the templates reference).</summary>
    public string Version { get; }

    /// <summary>What <c>dotnet new install -v diag</c> printed, including template validation messages.</summary>
    public string InstallOutput { get; }

    /// <summary>Measured durations of the newcomer's steps, written to the test output and artifacts/timings.</summary>
    public static IList<(string Step, TimeSpan Duration)> Timings { get; } = new List<(string, TimeSpan)>();

    /// <summary>Runs <c>dotnet new</c> against the private hive with the SDK's own templates hidden.</summary>
    public ProcessResult NewCommand(string workingDirectory, params string[] arguments)
    {
        var all = new List<string> { "new" };
        all.AddRange(arguments);
        all.AddRange(new[] { "--debug:custom-hive", Hive, "--debug:disable-sdk-templates" });
        return ProcessRunner.Run("dotnet", all, workingDirectory, TimeSpan.FromMinutes(5));
    }

    public static T Time<T>(string step, Func<T> action)
    {
        var watch = Stopwatch.StartNew();
        var result = action();
        lock (Timings)
        {
            Timings.Add((step, watch.Elapsed));
        }

        return result;
    }

    public static void Time(string step, Action action) => Time<object?>(step, () => { action(); return null; });

    /// <summary>The unique test version would otherwise pile up in the user's global packages folder.</summary>
    private void RemoveFromNuGetCache()
    {
        var cache = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        foreach (var id in new[] { "qgakit", "qgakit.templates" })
        {
            var folder = Path.Combine(cache, id, Version);
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    public void Dispose()
    {
        try
        {
            var lines = new List<string>();
            lock (Timings)
            {
                foreach (var (step, duration) in Timings)
                {
                    lines.Add(FormattableString.Invariant($"{step}\t{duration.TotalSeconds:F1} s"));
                }
            }

            var timingsDirectory = Path.Combine(RepositoryPaths.Root, "artifacts", "timings");
            Directory.CreateDirectory(timingsDirectory);
            File.WriteAllLines(Path.Combine(timingsDirectory, "templates.txt"), lines);
        }
        finally
        {
            if (Environment.GetEnvironmentVariable("QGAKIT_KEEP_TEMP") != "1")
            {
                Directory.Delete(WorkDirectory, recursive: true);
                RemoveFromNuGetCache();
            }
        }
    }
}
