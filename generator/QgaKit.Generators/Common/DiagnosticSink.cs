using System;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace QgaKit.Generators.Common;

/// <summary>
/// Where the shared parsers report misuse. The analyzer passes one; the generator passes null and simply gets no
/// model for invalid input, so no Location ever enters the generator's pipeline.
/// </summary>
internal sealed class DiagnosticSink
{
    private readonly Action<Diagnostic> _report;

    public DiagnosticSink(Action<Diagnostic> report) => _report = report;

    public void Report(DiagnosticDescriptor descriptor, Location? location, params object?[] args)
        => _report(Diagnostic.Create(descriptor, location ?? Location.None, args));

    /// <summary>The syntax of an attribute's argument (constructor argument <paramref name="index"/> or named
    /// argument <paramref name="name"/>), falling back to the attribute itself.</summary>
    public static Location? AttributeArgument(AttributeData attribute, int index = 0, string? name = null, CancellationToken cancellationToken = default)
    {
        if (attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) is not AttributeSyntax syntax)
        {
            return null;
        }

        var arguments = syntax.ArgumentList?.Arguments;
        if (arguments is { } list)
        {
            if (name is not null)
            {
                var named = list.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == name);
                if (named is not null)
                {
                    return named.GetLocation();
                }
            }
            else
            {
                var positional = list.Where(a => a.NameEquals is null && a.NameColon is null).ToList();
                if (index < positional.Count)
                {
                    return positional[index].GetLocation();
                }
            }
        }

        return syntax.GetLocation();
    }

    public static Location? Of(ISymbol symbol) => symbol.Locations.FirstOrDefault(l => l.IsInSource) ?? symbol.Locations.FirstOrDefault();
}
