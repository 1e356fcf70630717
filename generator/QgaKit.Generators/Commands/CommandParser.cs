using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using QgaKit.Generators.Analyzers;
using QgaKit.Generators.Common;

namespace QgaKit.Generators.Commands;

/// <summary>Reads [QgaCommand] methods and their classes. Shared by the generator (sink null) and the analyzer.</summary>
internal static class CommandParser
{
    /// <summary>The class-level facts; null (and diagnostics) when the class cannot hold commands.</summary>
    public static ClassInfo? ParseClass(INamedTypeSymbol type, DiagnosticSink? sink, CancellationToken cancellationToken)
    {
        var valid = true;
        if (type.TypeKind != TypeKind.Class || IsGeneric(type))
        {
            sink?.Report(DiagnosticDescriptors.UnsupportedCommandClass, DiagnosticSink.Of(type), type.ToDisplayString());
            return null;
        }

        var containing = new List<ContainingTypeModel>();
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (!IsPartial(t, cancellationToken))
            {
                sink?.Report(DiagnosticDescriptors.ClassNotPartial, DiagnosticSink.Of(t), t.ToDisplayString());
                valid = false;
            }

            if (!SymbolEqualityComparer.Default.Equals(t, type))
            {
                containing.Insert(0, new ContainingTypeModel(Keyword(t), t.Name));
            }
        }

        var needsInstance = !type.IsStatic && type.GetMembers().OfType<IMethodSymbol>().Any(m => !m.IsStatic && HasCommandAttribute(m));
        if (needsInstance && type.IsAbstract)
        {
            // The agent creates one instance per command class; an abstract class has none.
            sink?.Report(DiagnosticDescriptors.UnsupportedCommandClass, DiagnosticSink.Of(type), type.ToDisplayString());
            return null;
        }

        var dependencies = new List<DependencyModel>();
        var usable = true;
        if (needsInstance)
        {
            var ctor = ChooseConstructor(type, sink);
            usable = ctor is not null;
            if (ctor is not null)
            {
                foreach (var parameter in ctor.Parameters)
                {
                    dependencies.Add(Dependency(parameter));
                }
            }
        }

        if (!valid)
        {
            return null;
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : string.Empty;
        return new ClassInfo(
            ns,
            containing.ToEquatableArray(),
            Keyword(type),
            type.Name,
            type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat),
            type.IsStatic,
            usable,
            dependencies.ToEquatableArray());
    }

    /// <summary>One command; null (and diagnostics) when the method cannot be a command.</summary>
    public static CommandMethodModel? ParseMethod(IMethodSymbol method, AttributeData attribute, ClassInfo classInfo, int order, Compilation compilation, DiagnosticSink? sink, CancellationToken cancellationToken)
    {
        var valid = true;
        var name = attribute.ConstructorArguments.Length == 1 ? attribute.ConstructorArguments[0].Value as string : null;
        if (!Naming.IsValidWireName(name))
        {
            sink?.Report(DiagnosticDescriptors.InvalidCommandName, DiagnosticSink.AttributeArgument(attribute, 0, null, cancellationToken), name ?? "null");
            valid = false;
        }
        else if (!name!.StartsWith("guest-", StringComparison.Ordinal))
        {
            sink?.Report(DiagnosticDescriptors.CommandNameWithoutGuestPrefix, DiagnosticSink.AttributeArgument(attribute, 0, null, cancellationToken), name);
        }

        var successResponse = true;
        var allowedWhileFrozen = false;
        foreach (var named in attribute.NamedArguments)
        {
            if (named.Key == "SuccessResponse" && named.Value.Value is bool s)
            {
                successResponse = s;
            }
            else if (named.Key == "AllowedWhileFrozen" && named.Value.Value is bool a)
            {
                allowedWhileFrozen = a;
            }
        }

        if (method.IsGenericMethod)
        {
            sink?.Report(DiagnosticDescriptors.GenericCommandMethod, DiagnosticSink.Of(method), method.Name);
            valid = false;
        }

        var builder = new TypeModelBuilder(compilation.Assembly, sink);
        var parameters = new List<ParameterModel>();
        var wireNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var parameter in method.Parameters)
        {
            if (parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                sink?.Report(DiagnosticDescriptors.UnsupportedParameterModifier, DiagnosticSink.Of(parameter), parameter.Name);
                valid = false;
                continue;
            }

            if (parameter.Type.ToDisplayString() == "System.Threading.CancellationToken")
            {
                parameters.Add(new ParameterModel(parameter.Name, string.Empty, null, false, null, IsCancellationToken: true));
                continue;
            }

            var wire = TypeModelBuilder.WireNameOverride(parameter) ?? Naming.ToKebabCase(parameter.Name);
            if (wireNames.TryGetValue(wire, out var other))
            {
                sink?.Report(DiagnosticDescriptors.DuplicateParameterName, DiagnosticSink.Of(parameter), other, parameter.Name, wire);
                valid = false;
            }
            else
            {
                wireNames.Add(wire, parameter.Name);
            }

            var type = builder.Build(parameter.Type, out var unsupported);
            if (type is not null && !builder.CanBind(type, out var unbindable))
            {
                unsupported = unbindable;
                type = null;
            }

            if (type is null)
            {
                if (unsupported is not null)
                {
                    sink?.Report(DiagnosticDescriptors.UnsupportedParameterType, TypeLocation(parameter, cancellationToken), parameter.Name, parameter.Type.ToDisplayString(), unsupported);
                }

                valid = false;
                continue;
            }

            var optional = type.IsNullable || parameter.HasExplicitDefaultValue;
            var defaultValue = parameter.HasExplicitDefaultValue ? Literals.Format(parameter.ExplicitDefaultValue, parameter.Type) : null;
            parameters.Add(new ParameterModel(parameter.Name, wire, type, optional, defaultValue, IsCancellationToken: false));
        }

        var (returnType, asyncKind, returnValid) = ParseReturn(method, builder, sink, cancellationToken);
        valid &= returnValid;
        if (!valid)
        {
            return null;
        }

        var command = new CommandModel(method.Name, name!, method.IsStatic, parameters.ToEquatableArray(), returnType, asyncKind, successResponse, allowedWhileFrozen, order);
        return new CommandMethodModel(classInfo, command, builder.Objects.ToEquatableArray(), builder.Enums.ToEquatableArray());
    }

    private static (TypeRef? Type, AsyncKind Async, bool Valid) ParseReturn(IMethodSymbol method, TypeModelBuilder builder, DiagnosticSink? sink, CancellationToken cancellationToken)
    {
        if (method.ReturnsVoid)
        {
            if (method.IsAsync)
            {
                // async void: the dispatcher could neither wait for it nor see its exceptions (they crash the agent).
                sink?.Report(DiagnosticDescriptors.UnsupportedReturnType, ReturnLocation(method, cancellationToken), method.Name, "async void", "async void");
                return (null, AsyncKind.None, false);
            }

            return (null, AsyncKind.None, true);
        }

        var type = method.ReturnType;
        var asyncKind = AsyncKind.None;
        var definition = type.OriginalDefinition.ToDisplayString();
        switch (definition)
        {
            case "System.Threading.Tasks.Task":
                return (null, AsyncKind.Task, true);
            case "System.Threading.Tasks.ValueTask":
                return (null, AsyncKind.ValueTask, true);
            case "System.Threading.Tasks.Task<TResult>":
                asyncKind = AsyncKind.Task;
                type = ((INamedTypeSymbol)type).TypeArguments[0];
                break;
            case "System.Threading.Tasks.ValueTask<TResult>":
                asyncKind = AsyncKind.ValueTask;
                type = ((INamedTypeSymbol)type).TypeArguments[0];
                break;
        }

        if (method.ReturnsByRef || method.ReturnsByRefReadonly)
        {
            sink?.Report(DiagnosticDescriptors.UnsupportedReturnType, ReturnLocation(method, cancellationToken), method.Name, method.ReturnType.ToDisplayString(), method.ReturnType.ToDisplayString());
            return (null, asyncKind, false);
        }

        var model = builder.Build(type, out var unsupported);
        if (model is null)
        {
            if (unsupported is not null)
            {
                sink?.Report(DiagnosticDescriptors.UnsupportedReturnType, ReturnLocation(method, cancellationToken), method.Name, method.ReturnType.ToDisplayString(), unsupported);
            }

            return (null, asyncKind, false);
        }

        return (model, asyncKind, true);
    }

    /// <summary>Declaration order of a method: which partial declaration of its class, then its member index.</summary>
    public static int Order(IMethodSymbol method, SyntaxNode methodSyntax)
    {
        var declaration = methodSyntax.Parent as TypeDeclarationSyntax;
        var memberIndex = declaration?.Members.IndexOf((MemberDeclarationSyntax)methodSyntax) ?? 0;
        var partIndex = 0;
        var references = method.ContainingType.DeclaringSyntaxReferences;
        for (var i = 0; i < references.Length; i++)
        {
            if (references[i].SyntaxTree == methodSyntax.SyntaxTree && references[i].Span.Contains(methodSyntax.Span))
            {
                partIndex = i;
                break;
            }
        }

        return (partIndex * 100_000) + memberIndex;
    }

    public static bool HasCommandAttribute(IMethodSymbol method)
        => method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.QgaCommandAttribute);

    public static bool IsAgentService(ITypeSymbol type)
        => type.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == KnownNames.AgentServiceAttribute);

    public static bool IsHook(ITypeSymbol type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
        {
            if (t.ToDisplayString() == KnownNames.HookBase)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The constructor the agent calls: the accessible one with the most parameters.</summary>
    public static IMethodSymbol? ChooseConstructor(INamedTypeSymbol type, DiagnosticSink? sink)
    {
        var candidates = type.InstanceConstructors
            .Where(c => c.DeclaredAccessibility is Accessibility.Public or Accessibility.Internal or Accessibility.ProtectedOrInternal)
            .ToList();
        if (candidates.Count == 0)
        {
            sink?.Report(DiagnosticDescriptors.NoUsableConstructor, DiagnosticSink.Of(type), type.ToDisplayString(), "it has no public or internal constructor");
            return null;
        }

        var most = candidates.Max(c => c.Parameters.Length);
        var best = candidates.Where(c => c.Parameters.Length == most).ToList();
        if (best.Count > 1)
        {
            sink?.Report(DiagnosticDescriptors.NoUsableConstructor, DiagnosticSink.Of(best[1]) ?? DiagnosticSink.Of(type), type.ToDisplayString(), "several constructors have " + most + " parameters; keep one with the most");
            return null;
        }

        return best[0];
    }

    public static DependencyModel Dependency(IParameterSymbol parameter)
    {
        var type = parameter.Type;
        if (type.TypeKind == TypeKind.Error)
        {
            var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
            return new DependencyModel(DependencyKind.Unresolved, type.Name, type.Name, ns);
        }

        var fullName = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        var kind = IsAgentService(type) ? DependencyKind.Service : IsHook(type) ? DependencyKind.Hook : DependencyKind.Other;
        return new DependencyModel(kind, fullName, type.Name, null);
    }

    private static bool IsGeneric(INamedTypeSymbol type)
    {
        for (var t = type; t is not null; t = t.ContainingType)
        {
            if (t.IsGenericType)
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPartial(INamedTypeSymbol type, CancellationToken cancellationToken)
    {
        foreach (var reference in type.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration
                && !declaration.Modifiers.Any(m => m.IsKind(SyntaxKind.PartialKeyword)))
            {
                return false;
            }
        }

        return true;
    }

    private static string Keyword(INamedTypeSymbol type)
        => type.IsRecord ? (type.TypeKind == TypeKind.Struct ? "record struct" : "record")
            : type.TypeKind switch
            {
                TypeKind.Struct => "struct",
                TypeKind.Interface => "interface",
                _ => "class",
            };

    private static Location? TypeLocation(IParameterSymbol parameter, CancellationToken cancellationToken)
        => parameter.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is ParameterSyntax { Type: { } type }
            ? type.GetLocation()
            : DiagnosticSink.Of(parameter);

    private static Location? ReturnLocation(IMethodSymbol method, CancellationToken cancellationToken)
        => method.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(cancellationToken) is MethodDeclarationSyntax syntax
            ? syntax.ReturnType.GetLocation()
            : DiagnosticSink.Of(method);
}
