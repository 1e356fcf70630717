using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace QgaKit.Generators.Tests;

/// <summary>
/// The generator run on the runtime's own sources (the kit eats its own food): the built-in commands, the
/// fsfreeze commands and the seed's fsfreeze hook mapping (thaw = 0, freeze = 1) as the runtime ships them.
/// </summary>
public class RuntimeSnapshotTests
{
    [Fact]
    public void Runtime_built_ins_and_fsfreeze_hook()
    {
        var runtime = RuntimeDirectory();
        var trees = Directory.GetFiles(runtime, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/", System.StringComparison.Ordinal) && !f.Contains("/bin/", System.StringComparison.Ordinal))
            .OrderBy(f => f, System.StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), GeneratorHarness.ParseOptions, path: Path.GetRelativePath(runtime, f)));
        var references = Basic.Reference.Assemblies.Net100.References.All.Cast<MetadataReference>();
        var compilation = CSharpCompilation.Create(
            "QgaKit",
            trees,
            references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, allowUnsafe: true));

        var (output, result) = GeneratorHarness.Run(compilation);
        Assert.Contains(result.GeneratedTrees, t => t.FilePath.EndsWith("QgaKit.Commands.FsfreezeHook.g.cs", System.StringComparison.Ordinal));
        Snapshot.Verify(result, GeneratorHarness.Analyze(output));
    }

    private static string RuntimeDirectory([CallerFilePath] string file = "")
        => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, "..", "..", "runtime", "QgaKit"));
}
