using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using QgaKit.Generators.Commands;
using QgaKit.Generators.Common;
using QgaKit.Generators.Hooks;

namespace QgaKit.Generators.Analyzers;

/// <summary>
/// Reports every misuse of [Hook], [HookArgument] and [QgaCommand] (QGA0001…) with the generator's own parsers,
/// so that <c>#pragma</c>, [SuppressMessage] and .editorconfig severities work as for any analyzer. Checks that
/// span the compilation (duplicate names, dependency cycles) run at compilation end and include the commands and
/// hooks of referenced assemblies (the runtime's built-ins) through their generated manifests.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class QgaAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics { get; } = ImmutableArray.Create(
        DiagnosticDescriptors.ClassNotPartial,
        DiagnosticDescriptors.DuplicateCommandName,
        DiagnosticDescriptors.InvalidCommandName,
        DiagnosticDescriptors.CommandNameWithoutGuestPrefix,
        DiagnosticDescriptors.InvalidHookName,
        DiagnosticDescriptors.UnsupportedParameterType,
        DiagnosticDescriptors.UnsupportedReturnType,
        DiagnosticDescriptors.UnsupportedPropertyType,
        DiagnosticDescriptors.UnsupportedParameterModifier,
        DiagnosticDescriptors.GenericCommandMethod,
        DiagnosticDescriptors.DuplicateHookArgument,
        DiagnosticDescriptors.MissingHookArgument,
        DiagnosticDescriptors.InvalidHookArgument,
        DiagnosticDescriptors.DuplicateHookName,
        DiagnosticDescriptors.HookClassNameCollision,
        DiagnosticDescriptors.UnsupportedConstructorParameter,
        DiagnosticDescriptors.NoUsableConstructor,
        DiagnosticDescriptors.DependencyCycle,
        DiagnosticDescriptors.DuplicateParameterName,
        DiagnosticDescriptors.UnsupportedCommandClass);

    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            if (start.Compilation.GetTypeByMetadataName(KnownNames.QgaCommandAttribute) is null)
            {
                return; // the runtime is not referenced: nothing to check
            }

            var state = new CompilationState();
            start.RegisterSymbolAction(symbol => AnalyzeType(symbol, state), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end => AnalyzeCompilation(end, state));
        });
    }

    private static void AnalyzeType(SymbolAnalysisContext context, CompilationState state)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var sink = new DiagnosticSink(d =>
        {
            // A record used by several commands is checked for each; report its problems once.
            if (state.Reported.TryAdd(d.Id + "|" + d.Location + "|" + d.GetMessage(System.Globalization.CultureInfo.InvariantCulture), 0))
            {
                context.ReportDiagnostic(d);
            }
        });

        if (type.TypeKind == TypeKind.Enum)
        {
            AnalyzeHook(context, type, sink, state);
            return;
        }

        var commands = type.GetMembers().OfType<IMethodSymbol>()
            .Select(m => (Method: m, Attribute: m.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.QgaCommandAttribute)))
            .Where(x => x.Attribute is not null)
            .ToList();
        if (commands.Count == 0)
        {
            return;
        }

        var classInfo = CommandParser.ParseClass(type, sink, context.CancellationToken)
            ?? new ClassInfo(string.Empty, EquatableArray<ContainingTypeModel>.Empty, "class", type.Name, type.Name, type.IsStatic, false, EquatableArray<DependencyModel>.Empty);
        foreach (var (method, attribute) in commands)
        {
            CommandParser.ParseMethod(method, attribute!, classInfo, 0, context.Compilation, sink, context.CancellationToken);
            if (attribute!.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name && Naming.IsValidWireName(name))
            {
                state.Commands.Add(new NamedDeclaration(name, DiagnosticSink.AttributeArgument(attribute, 0, null, context.CancellationToken) ?? Location.None, "'" + type.ToDisplayString() + "." + method.Name + "'"));
            }
        }

        if (classInfo.Dependencies.Count == 0 || type.IsStatic)
        {
            return;
        }

        var ctor = CommandParser.ChooseConstructor(type, sink: null);
        if (ctor is null)
        {
            return;
        }

        var edges = new List<INamedTypeSymbol>();
        foreach (var parameter in ctor.Parameters)
        {
            var dependency = CommandParser.Dependency(parameter);
            if (dependency.Kind is DependencyKind.Service or DependencyKind.Hook or DependencyKind.Unresolved)
            {
                continue; // Unresolved: the compiler already reports the unknown type
            }

            if (parameter.Type is INamedTypeSymbol other && IsCommandClass(other))
            {
                edges.Add(other);
                continue;
            }

            sink.Report(DiagnosticDescriptors.UnsupportedConstructorParameter, DiagnosticSink.Of(parameter), parameter.Name, parameter.Type.ToDisplayString());
        }

        state.Dependencies[type] = edges;
    }

    private static void AnalyzeHook(SymbolAnalysisContext context, INamedTypeSymbol type, DiagnosticSink sink, CompilationState state)
    {
        var attribute = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == KnownNames.HookAttribute);
        if (attribute is null)
        {
            return;
        }

        HookParser.Parse(type, attribute, sink, context.CancellationToken);
        if (attribute.ConstructorArguments.Length != 1 || attribute.ConstructorArguments[0].Value is not string name || !Naming.IsValidWireName(name))
        {
            return;
        }

        var location = DiagnosticSink.AttributeArgument(attribute, 0, null, context.CancellationToken) ?? Location.None;
        state.Hooks.Add(new NamedDeclaration(name, location, "'" + type.ToDisplayString() + "'"));

        // The generated class lives in the enum's namespace; any other declaration of that name collides with it.
        var className = Naming.HookClassName(name);
        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() + "." : string.Empty;
        var hintName = ns + className + ".g.cs";
        foreach (var existing in context.Compilation.GetTypesByMetadataName(ns + className))
        {
            var userDeclared = existing.Locations.Any(l => !l.IsInSource)
                || existing.DeclaringSyntaxReferences.Any(r => !r.SyntaxTree.FilePath.EndsWith(hintName, StringComparison.Ordinal));
            if (userDeclared)
            {
                sink.Report(DiagnosticDescriptors.HookClassNameCollision, DiagnosticSink.Of(type), name, ns + className);
                break;
            }
        }
    }

    private static void AnalyzeCompilation(CompilationAnalysisContext context, CompilationState state)
    {
        var referencedCommands = new Dictionary<string, string>(StringComparer.Ordinal);
        var referencedHooks = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var assembly in context.Compilation.SourceModule.ReferencedAssemblySymbols)
        {
            foreach (var attribute in assembly.GetAttributes())
            {
                var target = attribute.AttributeClass?.ToDisplayString() switch
                {
                    KnownNames.GeneratedCommandsAttribute => referencedCommands,
                    KnownNames.GeneratedHooksAttribute => referencedHooks,
                    _ => null,
                };
                if (target is not null && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array)
                {
                    foreach (var value in attribute.ConstructorArguments[0].Values)
                    {
                        if (value.Value is string name && !target.ContainsKey(name))
                        {
                            target[name] = "the assembly '" + assembly.Name + "'";
                        }
                    }
                }
            }
        }

        ReportDuplicates(context, state.Commands, referencedCommands, DiagnosticDescriptors.DuplicateCommandName);
        ReportDuplicates(context, state.Hooks, referencedHooks, DiagnosticDescriptors.DuplicateHookName);
        ReportCycles(context, state.Dependencies);
    }

    private static void ReportDuplicates(CompilationAnalysisContext context, IEnumerable<NamedDeclaration> declarations, Dictionary<string, string> referenced, DiagnosticDescriptor descriptor)
    {
        foreach (var group in declarations.GroupBy(d => d.Name, StringComparer.Ordinal))
        {
            var ordered = group.OrderBy(d => d.Location.SourceTree?.FilePath, StringComparer.Ordinal).ThenBy(d => d.Location.SourceSpan.Start).ToList();
            var first = referenced.TryGetValue(group.Key, out var owner) ? owner : null;
            foreach (var declaration in ordered)
            {
                if (first is not null)
                {
                    context.ReportDiagnostic(Diagnostic.Create(descriptor, declaration.Location, group.Key, first));
                }
                else
                {
                    first = declaration.Owner;
                }
            }
        }
    }

    private static void ReportCycles(CompilationAnalysisContext context, ConcurrentDictionary<INamedTypeSymbol, List<INamedTypeSymbol>> graph)
    {
        var done = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var reported = new HashSet<INamedTypeSymbol>(SymbolEqualityComparer.Default);
        var stack = new List<INamedTypeSymbol>();

        void Visit(INamedTypeSymbol type)
        {
            var index = stack.FindIndex(t => SymbolEqualityComparer.Default.Equals(t, type));
            if (index >= 0)
            {
                var cycle = stack.Skip(index).ToList();
                var text = string.Join(" → ", cycle.Concat(new[] { type }).Select(t => t.Name));
                foreach (var member in cycle)
                {
                    if (reported.Add(member))
                    {
                        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DependencyCycle, DiagnosticSink.Of(member), member.ToDisplayString(), text));
                    }
                }

                return;
            }

            if (!done.Add(type))
            {
                return;
            }

            stack.Add(type);
            if (graph.TryGetValue(type, out var edges))
            {
                foreach (var next in edges)
                {
                    Visit(next);
                }
            }

            stack.RemoveAt(stack.Count - 1);
        }

        foreach (var type in graph.Keys.OrderBy(t => t.ToDisplayString(), StringComparer.Ordinal))
        {
            Visit(type);
        }
    }

    private static bool IsCommandClass(INamedTypeSymbol type)
        => type.GetMembers().OfType<IMethodSymbol>().Any(CommandParser.HasCommandAttribute);

    private sealed record NamedDeclaration(string Name, Location Location, string Owner);

    private sealed class CompilationState
    {
        public ConcurrentBag<NamedDeclaration> Commands { get; } = new();

        public ConcurrentBag<NamedDeclaration> Hooks { get; } = new();

        public ConcurrentDictionary<INamedTypeSymbol, List<INamedTypeSymbol>> Dependencies { get; } = new(SymbolEqualityComparer.Default);

        public ConcurrentDictionary<string, byte> Reported { get; } = new(StringComparer.Ordinal);
    }
}
