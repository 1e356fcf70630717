using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using QgaKit.Generators.Common;

namespace QgaKit.Generators.Commands;

/// <summary>
/// Finds referenced assemblies that have their own generated module (they carry the <c>GeneratedCommands</c> or
/// <c>GeneratedHooks</c> manifest) and names one public type of each, so this assembly's module initializer can run
/// theirs. The runtime itself is left out: its module registers whenever QgaModules is first touched.
/// </summary>
internal static class ReferencedModules
{
    public static EquatableArray<string> Find(Compilation compilation, CancellationToken cancellationToken)
    {
        var result = new List<string>();
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (assembly.Name == "QgaKit" || !HasManifest(assembly))
            {
                continue;
            }

            var type = FirstPublicType(assembly.GlobalNamespace);
            if (type is not null)
            {
                result.Add(type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat));
            }
        }

        result.Sort(StringComparer.Ordinal);
        return result.ToEquatableArray();
    }

    private static bool HasManifest(IAssemblySymbol assembly)
        => assembly.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() is KnownNames.GeneratedCommandsAttribute or KnownNames.GeneratedHooksAttribute);

    private static INamedTypeSymbol? FirstPublicType(INamespaceSymbol ns)
    {
        foreach (var type in ns.GetTypeMembers().OrderBy(t => t.MetadataName, StringComparer.Ordinal))
        {
            if (type.DeclaredAccessibility == Accessibility.Public && !type.IsGenericType)
            {
                return type;
            }
        }

        foreach (var child in ns.GetNamespaceMembers().OrderBy(n => n.Name, StringComparer.Ordinal))
        {
            if (FirstPublicType(child) is { } type)
            {
                return type;
            }
        }

        return null;
    }
}
