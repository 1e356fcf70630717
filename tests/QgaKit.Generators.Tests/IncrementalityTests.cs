using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using QgaKit.Generators.Common;
using Xunit;

namespace QgaKit.Generators.Tests;

/// <summary>The pipeline caches: edits that do not change the models leave every step and output cached.</summary>
public class IncrementalityTests
{
    private static readonly string[] s_steps = { TrackingNames.HookModels, TrackingNames.CommandMethods, TrackingNames.CommandClasses, TrackingNames.ReferencedModules, TrackingNames.Module };

    [Fact]
    public void Unrelated_edit_leaves_everything_cached()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.BackupCommands, Scenarios.FsfreezeHook);
        var driver = GeneratorHarness.CreateDriver(track: true).RunGenerators(compilation);
        var edited = compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Other; public class Unrelated { public int X => 1; }", GeneratorHarness.ParseOptions, path: "Unrelated.cs"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in s_steps)
        {
            AssertAll(result, step, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        }

        AssertOutputsCached(result);
    }

    [Fact]
    public void Method_body_edit_leaves_models_unchanged()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.BackupCommands, Scenarios.FsfreezeHook);
        var driver = GeneratorHarness.CreateDriver(track: true).RunGenerators(compilation);
        var edited = Replace(compilation, Scenarios.BackupCommands, "return (int)level;", "return (int)level + 1; // edited");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        AssertAll(result, TrackingNames.CommandMethods, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAll(result, TrackingNames.CommandClasses, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertAll(result, TrackingNames.HookModels, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
        AssertOutputsCached(result);
    }

    [Fact]
    public void Attribute_argument_change_regenerates()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.BackupCommands, Scenarios.FsfreezeHook);
        var driver = GeneratorHarness.CreateDriver(track: true).RunGenerators(compilation);
        var edited = Replace(compilation, Scenarios.BackupCommands, "\"guest-backup-reboot\"", "\"guest-backup-restart\"");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        Assert.Contains(Outputs(result, TrackingNames.CommandMethods), r => r == IncrementalStepRunReason.Modified);
        Assert.Contains(Outputs(result, TrackingNames.CommandClasses), r => r == IncrementalStepRunReason.Modified);
        Assert.Contains("guest-backup-restart", string.Concat(result.GeneratedSources.Select(s => s.SourceText.ToString())), StringComparison.Ordinal);
    }

    [Fact]
    public void Hook_argument_change_regenerates_only_that_hook()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.BackupCommands, Scenarios.FsfreezeHook);
        var driver = GeneratorHarness.CreateDriver(track: true).RunGenerators(compilation);
        var edited = Replace(compilation, Scenarios.FsfreezeHook, "[QgaKit.HookArgument(\"thaw\")]", "[QgaKit.HookArgument(\"unfreeze\")]");
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var hooks = Outputs(result, TrackingNames.HookModels).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, hooks);
        Assert.Contains(hooks, r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        AssertAll(result, TrackingNames.CommandClasses, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void Models_hold_no_Roslyn_objects()
    {
        var compilation = GeneratorHarness.Compile(Scenarios.BackupCommands, Scenarios.FsfreezeHook, TypeCoverage.Source);
        var result = GeneratorHarness.CreateDriver(track: true).RunGenerators(compilation).GetRunResult().Results.Single();
        foreach (var step in s_steps)
        {
            foreach (var output in result.TrackedSteps[step].SelectMany(s => s.Outputs))
            {
                AssertNoRoslynObjects(output.Value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
            }
        }
    }

    [Fact]
    public void Same_source_parsed_twice_gives_equal_models()
    {
        static object[] Models()
        {
            var compilation = GeneratorHarness.Compile(Scenarios.BackupCommands, TypeCoverage.Source);
            var result = GeneratorHarness.CreateDriver(track: true).RunGenerators(compilation).GetRunResult().Results.Single();
            return result.TrackedSteps[TrackingNames.CommandClasses].SelectMany(s => s.Outputs).Select(o => o.Value).ToArray();
        }

        var first = Models();
        var second = Models();
        Assert.Equal(first.Length, second.Length);
        for (var i = 0; i < first.Length; i++)
        {
            Assert.Equal(first[i], second[i]);
            Assert.Equal(first[i].GetHashCode(), second[i].GetHashCode());
        }
    }

    private static Compilation Replace(Compilation compilation, string originalSource, string oldText, string newText)
    {
        var tree = compilation.SyntaxTrees.Single(t => t.ToString() == originalSource);
        Assert.Contains(oldText, originalSource, StringComparison.Ordinal);
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(originalSource.Replace(oldText, newText, StringComparison.Ordinal))));
    }

    private static IEnumerable<IncrementalStepRunReason> Outputs(GeneratorRunResult result, string step)
        => result.TrackedSteps[step].SelectMany(s => s.Outputs).Select(o => o.Reason);

    private static void AssertAll(GeneratorRunResult result, string step, params IncrementalStepRunReason[] allowed)
    {
        var reasons = Outputs(result, step).ToList();
        Assert.NotEmpty(reasons);
        Assert.All(reasons, r => Assert.Contains(r, allowed));
    }

    private static void AssertOutputsCached(GeneratorRunResult result)
    {
        var outputs = result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs).ToList();
        Assert.NotEmpty(outputs);
        Assert.All(outputs, o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    private static void AssertNoRoslynObjects(object? value, string path, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
        {
            return;
        }

        var type = value.GetType();
        Assert.False(
            value is ISymbol or SyntaxNode or Compilation or SemanticModel or Location or SyntaxTree or AttributeData,
            "The model holds a Roslyn object at " + path + ": " + type);
        Assert.DoesNotContain("Microsoft.CodeAnalysis", type.Namespace ?? string.Empty, StringComparison.Ordinal);

        if (value is IEnumerable items)
        {
            var i = 0;
            foreach (var item in items)
            {
                AssertNoRoslynObjects(item, path + "[" + i++ + "]", seen);
            }

            return;
        }

        foreach (var field in type.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            AssertNoRoslynObjects(field.GetValue(value), path + "." + field.Name, seen);
        }
    }
}
