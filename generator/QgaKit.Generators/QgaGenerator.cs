using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using QgaKit.Generators.Commands;
using QgaKit.Generators.Common;
using QgaKit.Generators.Hooks;

namespace QgaKit.Generators;

/// <summary>
/// Emits typed hook classes for [Hook] enums, command handlers for [QgaCommand] methods, and one module per
/// assembly that registers both with the agent. Only emits: invalid input is skipped here and reported by
/// <see cref="Analyzers.QgaAnalyzer"/>, which shares the parsers.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class QgaGenerator : IIncrementalGenerator
{
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var hooks = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.HookAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.EnumDeclarationSyntax,
                static (ctx, ct) => HookParser.Parse((INamedTypeSymbol)ctx.TargetSymbol, ctx.Attributes[0], sink: null, ct) is { } hook
                    ? hook with { Order = SourceOrder(ctx) }
                    : null)
            .Where(static h => h is not null)
            .Select(static (h, _) => h!)
            .WithTrackingName(TrackingNames.HookModels);

        // Two [Hook] enums can name the same class (QGA0014/QGA0015 report it); emit it once, so that a duplicate
        // hint name never turns into a generator exception (CS8785).
        var uniqueHooks = hooks.Collect()
            .SelectMany(static (all, _) => all.GroupBy(h => h.HintName, StringComparer.Ordinal).Select(g => g.OrderBy(h => h.Order).First()).ToImmutableArray());

        context.RegisterSourceOutput(uniqueHooks, static (spc, hook) => spc.AddSource(hook.HintName, HookEmitter.Emit(hook)));

        var methods = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                KnownNames.QgaCommandAttribute,
                static (node, _) => node is Microsoft.CodeAnalysis.CSharp.Syntax.MethodDeclarationSyntax,
                static (ctx, ct) => ParseMethod(ctx, ct))
            .Where(static m => m is not null)
            .Select(static (m, _) => m!)
            .WithTrackingName(TrackingNames.CommandMethods);

        var classes = methods.Collect()
            .SelectMany(static (all, _) => GroupByClass(all))
            .WithTrackingName(TrackingNames.CommandClasses);

        context.RegisterSourceOutput(classes, static (spc, model) => spc.AddSource(model.Class.HintName, CommandEmitter.Emit(model)));

        var libraries = context.CompilationProvider
            .Select(static (compilation, ct) => ReferencedModules.Find(compilation, ct))
            .WithTrackingName(TrackingNames.ReferencedModules);

        var module = uniqueHooks.Collect()
            .Combine(classes.Collect())
            .Combine(libraries)
            .Select(static (pair, _) => BuildModule(pair.Left.Left, pair.Left.Right, pair.Right))
            .WithTrackingName(TrackingNames.Module);

        context.RegisterSourceOutput(module, static (spc, model) =>
        {
            if (model.Hooks.Count > 0 || model.Classes.Count > 0 || model.Libraries.Count > 0)
            {
                spc.AddSource(ModuleEmitter.HintName, ModuleEmitter.Emit(model));
            }
        });
    }

    /// <summary>Which file (in compilation order) and which member of its parent: IQgaModule registers hooks in source order.</summary>
    private static long SourceOrder(GeneratorAttributeSyntaxContext context)
    {
        var treeIndex = 0;
        foreach (var tree in context.SemanticModel.Compilation.SyntaxTrees)
        {
            if (tree == context.TargetNode.SyntaxTree)
            {
                break;
            }

            treeIndex++;
        }

        var memberIndex = context.TargetNode.Parent?.ChildNodes().TakeWhile(n => n != context.TargetNode).Count() ?? 0;
        return ((long)treeIndex << 32) | (uint)memberIndex;
    }

    private static CommandMethodModel? ParseMethod(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var method = (IMethodSymbol)context.TargetSymbol;
        var classInfo = CommandParser.ParseClass(method.ContainingType, sink: null, cancellationToken);
        if (classInfo is null)
        {
            return null;
        }

        var order = CommandParser.Order(method, context.TargetNode);
        return CommandParser.ParseMethod(method, context.Attributes[0], classInfo, order, context.SemanticModel.Compilation, sink: null, cancellationToken);
    }

    private static ImmutableArray<CommandClassModel> GroupByClass(ImmutableArray<CommandMethodModel> methods)
    {
        return methods
            .GroupBy(m => m.Class.FullName, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CommandClassModel(
                g.First().Class,
                g.Select(m => m.Command).OrderBy(c => c.Order).ToEquatableArray(),
                Distinct(g.SelectMany(m => m.Objects), o => o.FullName).ToEquatableArray(),
                Distinct(g.SelectMany(m => m.Enums), e => e.FullName).ToEquatableArray()))
            .ToImmutableArray();
    }

    private static IEnumerable<T> Distinct<T>(IEnumerable<T> items, Func<T, string> key)
        => items.GroupBy(key, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => g.First());

    private static ModuleModel BuildModule(ImmutableArray<HookModel> hooks, ImmutableArray<CommandClassModel> classes, EquatableArray<string> libraries)
    {
        var moduleHooks = hooks
            .OrderBy(h => h.Order)
            .ThenBy(h => h.HintName, StringComparer.Ordinal)
            .Select(h => new ModuleHook(h.HookName, h.ClassFullName, h.ClassName, h.Namespace))
            .ToEquatableArray();
        var moduleClasses = classes
            .OrderBy(c => c.Class.FullName, StringComparer.Ordinal)
            .Select(c => new ModuleClass(c.Class.FullName, c.NeedsInstance, c.Class.HasUsableConstructor, c.Class.Dependencies, c.Commands.Select(x => x.WireName).ToEquatableArray()))
            .ToEquatableArray();
        return new ModuleModel(moduleHooks, moduleClasses, libraries);
    }
}
