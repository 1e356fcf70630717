using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using QgaKit.Generators.Analyzers;
using QgaKit.Generators.Common;

namespace QgaKit.Generators.Hooks;

/// <summary>
/// Reads a [Hook] enum. Shared by the generator (sink null) and the analyzer (which reports every problem). The
/// generator still gets a model without the invalid members whenever the hook's class can be named: the build then
/// fails on the analyzer's precise error instead of a cascade of CS0246 for the missing hook class (csc reports no
/// analyzer diagnostics once the compilation has errors).
/// </summary>
internal static class HookParser
{
    public static HookModel? Parse(INamedTypeSymbol enumType, AttributeData hookAttribute, DiagnosticSink? sink, CancellationToken cancellationToken)
    {
        var name = hookAttribute.ConstructorArguments.Length == 1 ? hookAttribute.ConstructorArguments[0].Value as string : null;
        if (!Naming.IsValidWireName(name))
        {
            sink?.Report(DiagnosticDescriptors.InvalidHookName, DiagnosticSink.AttributeArgument(hookAttribute, 0, null, cancellationToken), name ?? "null");
        }

        string? defaultPath = null;
        foreach (var named in hookAttribute.NamedArguments)
        {
            if (named.Key == "DefaultPath")
            {
                defaultPath = named.Value.Value as string;
            }
        }

        var members = new List<HookMemberModel>();
        var arguments = new Dictionary<string, string>();
        var values = new HashSet<object?>();
        foreach (var field in enumType.GetMembers().OfType<IFieldSymbol>())
        {
            if (!field.HasConstantValue)
            {
                continue;
            }

            var argumentAttribute = field.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.HookArgumentAttribute);
            if (argumentAttribute is null)
            {
                sink?.Report(DiagnosticDescriptors.MissingHookArgument, DiagnosticSink.Of(field), field.Name, Naming.ToKebabCase(field.Name));
                continue;
            }

            var argument = argumentAttribute.ConstructorArguments.Length == 1 ? argumentAttribute.ConstructorArguments[0].Value as string : null;
            if (!Naming.IsPrintableArgument(argument))
            {
                sink?.Report(DiagnosticDescriptors.InvalidHookArgument, DiagnosticSink.AttributeArgument(argumentAttribute, 0, null, cancellationToken), field.Name);
                continue;
            }

            if (arguments.TryGetValue(argument!, out var first))
            {
                sink?.Report(DiagnosticDescriptors.DuplicateHookArgument, DiagnosticSink.AttributeArgument(argumentAttribute, 0, null, cancellationToken), argument, field.Name, first);
                continue;
            }

            arguments.Add(argument!, field.Name);
            members.Add(new HookMemberModel(field.Name, argument!, IsAlias: !values.Add(field.ConstantValue)));
        }

        if (string.IsNullOrEmpty(name) || !SyntaxFacts.IsValidIdentifier(Naming.HookClassName(name!)))
        {
            return null;
        }

        var ns = enumType.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        return new HookModel(
            ns,
            enumType.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            name!,
            Naming.HookClassName(name!),
            defaultPath,
            IsPublic: IsVisibleOutside(enumType),
            members.ToEquatableArray());
    }

    private static bool IsVisibleOutside(ISymbol symbol)
    {
        for (var s = symbol; s is INamedTypeSymbol; s = s.ContainingType)
        {
            if (s.DeclaredAccessibility != Accessibility.Public)
            {
                return false;
            }

            if (s.ContainingType is null)
            {
                break;
            }
        }

        return true;
    }
}
