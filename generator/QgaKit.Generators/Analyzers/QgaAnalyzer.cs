using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace QgaKit.Generators.Analyzers;

/// <summary>Reports every misuse of [Hook], [HookArgument] and [QgaCommand] (QGA0001…), sharing the generator's parsers.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed partial class QgaAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ClassNotPartial);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
    }
}
