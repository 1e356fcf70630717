using System.Linq;
using Xunit;

namespace QgaKit.Generators.Tests;

public class SnapshotTests
{
    [Fact]
    public void Fsfreeze_hook_seed_mapping() => Check(Scenarios.FsfreezeHook);

    [Fact]
    public void Backup_commands_from_the_issue() => Check(Scenarios.BackupCommands);

    private static void Check(string source, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compile(source));
        var diagnostics = GeneratorHarness.Analyze(output);
        Assert.Empty(GeneratorHarness.CompilerProblems(output).Select(Snapshot.Describe));
        Snapshot.Verify(result, diagnostics, method: method);
    }
}
