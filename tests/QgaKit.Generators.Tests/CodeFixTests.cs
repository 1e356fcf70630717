using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using QgaKit.Generators.Analyzers;
using QgaKit.Generators.CodeFixes;
using Xunit;

namespace QgaKit.Generators.Tests;

/// <summary>The code fixes, applied in a real (ad hoc) workspace to the analyzer's own diagnostics.</summary>
public class CodeFixTests
{
    [Fact]
    public async Task Make_partial_fixes_QGA0001()
    {
        var fixedSource = await ApplyAsync(new MakePartialCodeFix(), "QGA0001", """
            using QgaKit;

            namespace Acme;

            public sealed class Commands
            {
                [QgaCommand("guest-a")] public void A() { }
            }
            """);
        Assert.Equal("""
            using QgaKit;

            namespace Acme;

            public sealed partial class Commands
            {
                [QgaCommand("guest-a")] public void A() { }
            }
            """, fixedSource);
    }

    [Fact]
    public async Task Make_partial_handles_a_class_without_modifiers()
    {
        var fixedSource = await ApplyAsync(new MakePartialCodeFix(), "QGA0001", """
            namespace Acme;

            /// <summary>Docs stay in front.</summary>
            class Commands
            {
                [QgaKit.QgaCommand("guest-a")] public static void A() { }
            }
            """);
        Assert.Contains("/// <summary>Docs stay in front.</summary>\npartial class Commands", fixedSource, System.StringComparison.Ordinal);
    }

    [Fact]
    public async Task Add_hook_argument_fixes_QGA0012_with_the_kebab_case_name()
    {
        var fixedSource = await ApplyAsync(new AddHookArgumentCodeFix(), "QGA0012", """
            using QgaKit;

            namespace Acme;

            [Hook("db")]
            public enum DbArg
            {
                [HookArgument("begin")] Begin,
                LockTables,
            }
            """);
        Assert.Equal("""
            using QgaKit;

            namespace Acme;

            [Hook("db")]
            public enum DbArg
            {
                [HookArgument("begin")] Begin,
                [HookArgument("lock-tables")]
                LockTables,
            }
            """, fixedSource);
    }

    [Fact]
    public async Task Add_hook_argument_qualifies_the_attribute_without_a_using()
    {
        var fixedSource = await ApplyAsync(new AddHookArgumentCodeFix(), "QGA0012", """
            namespace Acme;

            [QgaKit.Hook("db")]
            public enum DbArg
            {
                IPAddress,
            }
            """);
        Assert.Contains("    [QgaKit.HookArgument(\"ip-address\")]\n    IPAddress,", fixedSource, System.StringComparison.Ordinal);
    }

    private static async Task<string> ApplyAsync(CodeFixProvider fix, string id, string source)
    {
        using var workspace = new AdhocWorkspace();
        var project = workspace.CurrentSolution
            .AddProject("Test", "Test", LanguageNames.CSharp)
            .WithParseOptions(GeneratorHarness.ParseOptions)
            .WithCompilationOptions(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable))
            .WithMetadataReferences(GeneratorHarness.References);
        var document = project.AddDocument("Test.cs", source.Replace("\r\n", "\n", System.StringComparison.Ordinal));
        var compilation = (await document.Project.GetCompilationAsync())!;
        var diagnostics = await compilation.WithAnalyzers(ImmutableArray.Create<DiagnosticAnalyzer>(new QgaAnalyzer())).GetAnalyzerDiagnosticsAsync();
        var diagnostic = diagnostics.First(d => d.Id == id);

        var actions = new List<CodeAction>();
        await fix.RegisterCodeFixesAsync(new CodeFixContext(document, diagnostic, (action, _) => actions.Add(action), CancellationToken.None));
        var action = Assert.Single(actions);
        var operation = (await action.GetOperationsAsync(CancellationToken.None)).OfType<ApplyChangesOperation>().Single();
        var text = await operation.ChangedSolution.GetDocument(document.Id)!.GetTextAsync();
        return text.ToString();
    }
}
