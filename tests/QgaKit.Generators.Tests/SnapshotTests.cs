using System.Linq;
using Xunit;

namespace QgaKit.Generators.Tests;

public class SnapshotTests
{
    [Fact]
    public void Fsfreeze_hook_seed_mapping() => Check(Scenarios.FsfreezeHook);

    [Fact]
    public void Backup_commands_from_the_issue() => Check(Scenarios.BackupCommands);

    [Fact]
    public void Every_supported_type_nested_records_async_and_static() => Check(TypeCoverage.Source);

    [Fact]
    public void Hook_with_many_members() => Check("""
        namespace Acme.Database;

        [QgaKit.Hook("db-quiesce", DefaultPath = "/usr/libexec/db-quiesce")]
        internal enum DbQuiesceArg
        {
            [QgaKit.HookArgument("begin")] Begin,
            [QgaKit.HookArgument("flush")] Flush,
            [QgaKit.HookArgument("lock-tables")] LockTables,
            [QgaKit.HookArgument("snapshot")] Snapshot,
            [QgaKit.HookArgument("unlock-tables")] UnlockTables,
            [QgaKit.HookArgument("verify")] Verify,
            [QgaKit.HookArgument("end")] End,
            [QgaKit.HookArgument("abort")] Abort,
        }
        """);

    [Fact]
    public void Static_commands_in_global_namespace_and_nested_class() => Check("""
        public static partial class GlobalCommands
        {
            [QgaKit.QgaCommand("guest-global")]
            public static int Answer() => 42;
        }

        namespace Acme
        {
            public partial class Outer
            {
                internal partial class Inner
                {
                    [QgaKit.QgaCommand("guest-inner")]
                    private static void Hidden(string name) { }
                }
            }
        }
        """);

    [Fact]
    public void Hooks_register_in_source_order() => Check("""
        namespace Acme;

        [QgaKit.Hook("zeta")]
        public enum ZetaArg { [QgaKit.HookArgument("go")] Go }

        [QgaKit.Hook("alpha")]
        public enum AlphaArg { [QgaKit.HookArgument("go")] Go }
        """);

    [Fact]
    public void Keywords_as_member_names() => Check("""
        namespace Acme;

        [QgaKit.Hook("keywords")]
        public enum KeywordsArg { [QgaKit.HookArgument("default")] @default, [QgaKit.HookArgument("class")] @class }

        public enum Kind { @default, @event }

        public sealed record Thing(Kind @class, string? @value);

        public partial class @params
        {
            [QgaKit.QgaCommand("guest-keywords")]
            public Thing @event(Kind @default) => new(@default, null);
        }
        """);

    private static void Check(string source, [System.Runtime.CompilerServices.CallerMemberName] string method = "")
    {
        var (output, result) = GeneratorHarness.Run(GeneratorHarness.Compile(source));
        var diagnostics = GeneratorHarness.Analyze(output);
        var problems = GeneratorHarness.CompilerProblems(output).Select(Snapshot.Describe).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Snapshot.Verify(result, diagnostics, method: method);
    }
}
