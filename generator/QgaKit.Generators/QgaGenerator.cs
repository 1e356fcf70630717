using Microsoft.CodeAnalysis;

namespace QgaKit.Generators;

// SKELETON (lead): the generator helper replaces this with the real pipeline.

/// <summary>Emits typed hook classes and command dispatch for [Hook] enums and [QgaCommand] methods.</summary>
[Generator(LanguageNames.CSharp)]
public sealed class QgaGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
    }
}
