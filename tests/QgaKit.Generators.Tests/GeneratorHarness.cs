using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using QgaKit.Generators.Analyzers;

namespace QgaKit.Generators.Tests;

/// <summary>Compiles test sources against the real runtime (offline reference assemblies), runs the generator and
/// the analyzer the way the compiler does (analyzers see the generated trees).</summary>
internal static class GeneratorHarness
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly ImmutableArray<MetadataReference> References = Basic.Reference.Assemblies.Net100.References.All
        .Cast<MetadataReference>()
        .Append(MetadataReference.CreateFromFile(typeof(QgaKit.HookAttribute).Assembly.Location))
        .ToImmutableArray();

    public static CSharpCompilation Compile(params string[] sources) => Compile(sources, "TestAgent");

    public static CSharpCompilation Compile(IEnumerable<string> sources, string assemblyName)
        => CSharpCompilation.Create(
            assemblyName,
            sources.Select((s, i) => CSharpSyntaxTree.ParseText(s, ParseOptions, path: "Source" + i + ".cs")),
            References,
            new CSharpCompilationOptions(
                OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable,
                warningLevel: 9999,
                specificDiagnosticOptions: new Dictionary<string, ReportDiagnostic> { ["CS1591"] = ReportDiagnostic.Suppress }));

    public static GeneratorDriver CreateDriver(bool track = false)
        => CSharpGeneratorDriver.Create(
            new[] { new QgaGenerator().AsSourceGenerator() },
            parseOptions: ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: track));

    /// <summary>Runs the generator; fails on generator exceptions.</summary>
    public static (Compilation Output, GeneratorDriverRunResult Result) Run(Compilation compilation)
    {
        var driver = CreateDriver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
        var result = driver.GetRunResult();
        foreach (var r in result.Results)
        {
            if (r.Exception is not null)
            {
                throw new InvalidOperationException("The generator threw", r.Exception);
            }
        }

        return (output, result);
    }

    /// <summary>The analyzer's diagnostics on the compilation with generated code, sorted by position.</summary>
    public static ImmutableArray<Diagnostic> Analyze(Compilation withGenerated)
    {
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new QgaAnalyzer());
        var diagnostics = withGenerated.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        return diagnostics
            .OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal)
            .ThenBy(d => d.Location.SourceSpan.Start)
            .ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToImmutableArray();
    }

    /// <summary>Compiler and analyzer diagnostics after #pragma suppression, as a build reports them.</summary>
    public static ImmutableArray<Diagnostic> AnalyzeAll(Compilation withGenerated)
        => withGenerated.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new QgaAnalyzer()))
            .GetAllDiagnosticsAsync().GetAwaiter().GetResult();

    /// <summary>A reference to the emitted image of <paramref name="compilation"/> (for cross-assembly tests).</summary>
    public static MetadataReference ToReference(Compilation compilation)
    {
        using var stream = new System.IO.MemoryStream();
        var emit = compilation.Emit(stream);
        if (!emit.Success)
        {
            throw new InvalidOperationException(string.Join("\n", emit.Diagnostics));
        }

        return MetadataReference.CreateFromImage(stream.ToArray());
    }

    /// <summary>Compiler errors and warnings (warnings are errors here, as in the kit's projects).</summary>
    public static ImmutableArray<Diagnostic> CompilerProblems(Compilation compilation)
        => compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToImmutableArray();
}
