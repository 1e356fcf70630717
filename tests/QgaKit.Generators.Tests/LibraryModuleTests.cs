using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using QgaKit.Dispatch;
using Xunit;

namespace QgaKit.Generators.Tests;

/// <summary>Commands and hooks in a class library the agent references but never calls still register: the
/// agent's module initializer runs the library's first.</summary>
public class LibraryModuleTests
{
    [Fact]
    public void A_referenced_library_module_registers_before_the_agent_module()
    {
        var library = Emit(GeneratorHarness.Run(GeneratorHarness.Compile(new[]
        {
            """
            namespace Lib;

            [QgaKit.Hook("lib-hook")]
            public enum LibHookArg { [QgaKit.HookArgument("go")] Go }

            internal static partial class LibraryCommands
            {
                [QgaKit.QgaCommand("guest-from-library")]
                public static long FromLibrary() => 7;
            }
            """,
        }, "CommandLibrary")).Output);

        var (agentOutput, agentResult) = GeneratorHarness.Run(GeneratorHarness.Compile(new[]
        {
            """
            namespace Agent;

            internal static partial class AgentCommands
            {
                [QgaKit.QgaCommand("guest-from-agent")]
                public static long FromAgent() => 1;
            }
            """,
        }, "LibraryUser").AddReferences(MetadataReference.CreateFromImage(library)));
        var module = agentResult.GeneratedTrees.Single(t => t.FilePath.EndsWith("QgaModule.g.cs", StringComparison.Ordinal)).ToString();
        Assert.True(module.Contains("RunModuleConstructor(typeof(global::Lib.", StringComparison.Ordinal), module);

        var libraryAssembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(library));
        Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) => name.Name == "CommandLibrary" ? libraryAssembly : null;
        AssemblyLoadContext.Default.Resolving += Resolve;
        try
        {
            var agentAssembly = AssemblyLoadContext.Default.LoadFromStream(new MemoryStream(Emit(agentOutput)));
            Assert.DoesNotContain(QgaModules.All, m => m.GetType().Assembly == libraryAssembly);
            RuntimeHelpers.RunModuleConstructor(agentAssembly.ManifestModule.ModuleHandle);

            var modules = QgaModules.All.ToList();
            var libraryIndex = modules.FindIndex(m => m.GetType().Assembly == libraryAssembly);
            var agentIndex = modules.FindIndex(m => m.GetType().Assembly == agentAssembly);
            Assert.True(libraryIndex >= 0 && agentIndex > libraryIndex, "library module at " + libraryIndex + ", agent module at " + agentIndex);
        }
        finally
        {
            AssemblyLoadContext.Default.Resolving -= Resolve;
        }
    }

    private static byte[] Emit(Compilation compilation)
    {
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return stream.ToArray();
    }
}
