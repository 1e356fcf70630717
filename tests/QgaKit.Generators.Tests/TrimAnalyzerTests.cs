using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Xunit;

namespace QgaKit.Generators.Tests;

/// <summary>
/// The generated code is clean under the trimming, AOT and single-file analyzers (the ILLink Roslyn analyzers the
/// SDK runs for <c>IsAotCompatible</c> projects), run on the type-coverage scenario and the example.
/// </summary>
public class TrimAnalyzerTests
{
    [SkippableFact]
    public void Generated_code_has_no_trim_AOT_or_single_file_warnings()
    {
        var analyzers = LoadIllinkAnalyzers();
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compile(TypeCoverage.Source, Scenarios.BackupCommands, Scenarios.FsfreezeHook));
        var diagnostics = Run(output, analyzers);
        var generated = diagnostics.Where(d => d.Location.SourceTree?.FilePath.EndsWith(".g.cs", StringComparison.Ordinal) == true).ToList();
        Assert.True(generated.Count == 0, string.Join("\n", generated.Select(Snapshot.Describe)));
    }

    [SkippableFact]
    public void The_analyzers_do_flag_reflection_so_the_check_above_means_something()
    {
        var analyzers = LoadIllinkAnalyzers();
        var compilation = GeneratorHarness.Compile("""
            public static class Reflective
            {
                public static int Count() => typeof(Reflective).Assembly.GetTypes().Length;

                public static object? Make(string name) => System.Activator.CreateInstance(System.Type.GetType(name)!);
            }
            """);
        Assert.Contains(Run(compilation, analyzers), d => d.Id.StartsWith("IL", StringComparison.Ordinal));
    }

    private static ImmutableArray<Diagnostic> Run(Compilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers)
    {
        var options = new AnalyzerOptions(ImmutableArray<AdditionalText>.Empty, new GlobalOptionsProvider(new Dictionary<string, string>
        {
            ["build_property.EnableTrimAnalyzer"] = "true",
            ["build_property.EnableAotAnalyzer"] = "true",
            ["build_property.EnableSingleFileAnalyzer"] = "true",
            ["build_property.IsAotCompatible"] = "true",
        }));
        return compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
    }

    /// <summary>ILLink.RoslynAnalyzer from the NuGet cache (restored for the runtime's IsAotCompatible).</summary>
    private static ImmutableArray<DiagnosticAnalyzer> LoadIllinkAnalyzers()
    {
        var root = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
        var directory = Path.Combine(root, "microsoft.net.illink.tasks");
        var path = Directory.Exists(directory)
            ? Directory.GetFiles(directory, "ILLink.RoslynAnalyzer.dll", SearchOption.AllDirectories).OrderDescending(StringComparer.Ordinal).FirstOrDefault()
            : null;
        Skip.If(path is null, "ILLink.RoslynAnalyzer.dll is not in the NuGet cache (restore runtime/QgaKit first)");
        var reference = new Microsoft.CodeAnalysis.Diagnostics.AnalyzerFileReference(path!, new Loader());
        var analyzers = reference.GetAnalyzers(LanguageNames.CSharp);
        Skip.If(analyzers.IsEmpty, "ILLink.RoslynAnalyzer.dll has no analyzers loadable with this Roslyn");
        return analyzers;
    }

    private sealed class Loader : IAnalyzerAssemblyLoader
    {
        public void AddDependencyLocation(string fullPath)
        {
        }

        [SuppressMessage("Reliability", "CA2001", Justification = "Test-only analyzer loading.")]
        public Assembly LoadFromPath(string fullPath) => Assembly.LoadFrom(fullPath);
    }

    private sealed class GlobalOptionsProvider(Dictionary<string, string> values) : AnalyzerConfigOptionsProvider
    {
        private readonly Options _options = new(values);

        public override AnalyzerConfigOptions GlobalOptions => _options;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => _options;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => _options;

        private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
