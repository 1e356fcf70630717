using System.Linq;
using System.Runtime.CompilerServices;
using Xunit;

namespace QgaKit.Generators.Tests;

/// <summary>One scenario per diagnostic: the analyzer's findings are snapshotted, and the expected ID must be there.</summary>
public class DiagnosticTests
{
    private const string Usings = "using System.Collections.Generic;\nusing System.Threading.Tasks;\nusing QgaKit;\nnamespace Acme;\n";

    [Fact]
    public void QGA0001_class_not_partial() => Check("QGA0001", Usings + """
        public class Commands
        {
            [QgaCommand("guest-a")] public void A() { }
        }

        public partial class Outer
        {
            public class Inner
            {
                [QgaCommand("guest-b")] public static void B() { }
            }
        }
        """);

    [Fact]
    public void QGA0002_duplicate_command_name() => Check("QGA0002", Usings + """
        public partial class First
        {
            [QgaCommand("guest-twice")] public void A() { }
        }

        public partial class Second
        {
            [QgaCommand("guest-twice")] public void B() { }
        }
        """);

    [Fact]
    public void QGA0002_a_built_in_command_name_is_taken() => Check("QGA0002", Usings + """
        public partial class Commands
        {
            [QgaCommand("guest-ping")] public void Ping() { }
        }
        """);

    [Fact]
    public void QGA0003_invalid_command_name() => Check("QGA0003", Usings + """
        public partial class Commands
        {
            [QgaCommand("Guest_Bad")] public void A() { }
            [QgaCommand("guest--double")] public void B() { }
            [QgaCommand("")] public void C() { }
        }
        """);

    [Fact]
    public void QGA0004_command_name_without_guest_prefix() => Check("QGA0004", Usings + """
        public partial class Commands
        {
            [QgaCommand("backup-now")] public void A() { }
        }
        """);

    [Fact]
    public void QGA0005_invalid_hook_name() => Check("QGA0005", Usings + """
        [Hook("Pre_Backup")]
        public enum PreBackupArg { [HookArgument("go")] Go }
        """);

    [Fact]
    public void QGA0006_unsupported_parameter_type() => Check("QGA0006", Usings + """
        public partial class Commands
        {
            [QgaCommand("guest-a")] public void A(System.DateTime when, Dictionary<string, int> map, object thing, float ratio, int?[] holes) { }
        }
        """);

    [Fact]
    public void QGA0007_unsupported_return_type() => Check("QGA0007", Usings + """
        public partial class Commands
        {
            [QgaCommand("guest-a")] public System.Guid A() => default;
            [QgaCommand("guest-b")] public Task<Dictionary<string, string>> B() => null!;
            [QgaCommand("guest-c")] public async void C() => await Task.Yield();
        }
        """);

    [Fact]
    public void QGA0008_unsupported_property_type() => Check("QGA0008", Usings + """
        public sealed record Info(string Name, System.TimeSpan Age);

        public partial class Commands
        {
            [QgaCommand("guest-a")] public Info A() => null!;
            [QgaCommand("guest-b")] public void B(Info info) { }
        }
        """);

    [Fact]
    public void QGA0009_ref_out_in_params() => Check("QGA0009", Usings + """
        public partial class Commands
        {
            [QgaCommand("guest-a")] public void A(ref int a, out int b, in int c, params string[] d) { b = 0; }
        }
        """);

    [Fact]
    public void QGA0010_generic_method() => Check("QGA0010", Usings + """
        public partial class Commands
        {
            [QgaCommand("guest-a")] public void A<T>() { }
        }
        """);

    [Fact]
    public void QGA0011_duplicate_hook_argument() => Check("QGA0011", Usings + """
        [Hook("backup")]
        public enum BackupArg { [HookArgument("go")] Go, [HookArgument("go")] Again }
        """);

    [Fact]
    public void QGA0012_member_without_hook_argument() => Check("QGA0012", Usings + """
        [Hook("backup")]
        public enum BackupArg { [HookArgument("go")] Go, StopNow }
        """);

    [Fact]
    public void QGA0012_a_hook_with_a_bad_member_still_gets_its_class_so_no_CS0246_cascade() => Check("QGA0012", Usings + """
        [Hook("backup")]
        public enum BackupArg { [HookArgument("go")] Go, StopNow }

        public partial class Commands
        {
            public Commands(BackupHook hook) => hook.ExecuteGo();

            [QgaCommand("guest-a")] public void A() { }
        }
        """);

    [Fact]
    public void QGA0013_empty_or_non_printable_hook_argument() => Check("QGA0013", Usings + """
        [Hook("backup")]
        public enum BackupArg { [HookArgument("")] Empty, [HookArgument("a b")] Space, [HookArgument("tab\t")] Tab }
        """);

    [Fact]
    public void QGA0014_two_hooks_with_one_name() => Check("QGA0014", """
        using QgaKit;

        namespace Acme
        {
            [Hook("backup")]
            public enum BackupArg { [HookArgument("go")] Go }
        }

        namespace Other
        {
            [Hook("backup")]
            public enum OtherBackupArg { [HookArgument("go")] Go }
        }
        """);

    [Fact]
    public void QGA0014_two_hooks_with_one_name_in_one_namespace_do_not_crash_the_generator() => Check("QGA0014", Usings + """
        [Hook("backup")]
        public enum BackupArg { [HookArgument("go")] Go }

        [Hook("backup")]
        public enum OtherBackupArg { [HookArgument("go")] Go }
        """);

    [Fact]
    public void QGA0002_and_QGA0014_see_names_of_referenced_assemblies()
    {
        var library = GeneratorHarness.Run(GeneratorHarness.Compile(new[]
        {
            Usings + """
            [Hook("backup")]
            public enum BackupArg { [HookArgument("go")] Go }

            public partial class LibraryCommands
            {
                [QgaCommand("guest-library")] public static void A() { }
            }
            """,
        }, "Library")).Output;
        var source = Usings.Replace("Acme", "Agent", System.StringComparison.Ordinal) + """
            [Hook("backup")]
            public enum MyBackupArg { [HookArgument("go")] Go }

            public partial class AgentCommands
            {
                [QgaCommand("guest-library")] public static void A() { }
            }
            """;
        var agent = GeneratorHarness.Compile(source).AddReferences(GeneratorHarness.ToReference(library));
        var diagnostics = GeneratorHarness.Analyze(GeneratorHarness.Run(agent).Output);
        Assert.Contains(diagnostics, d => d.Id == "QGA0002");
        Assert.Contains(diagnostics, d => d.Id == "QGA0014");
        Snapshot.VerifyDiagnostics(diagnostics);
    }

    [Fact]
    public void QGA0015_hook_class_collides_with_a_type() => Check("QGA0015", Usings + """
        [Hook("backup")]
        public enum BackupArg { [HookArgument("go")] Go }

        public sealed class BackupHook { }
        """, compiles: false);

    [Fact]
    public void QGA0016_constructor_parameter_the_agent_cannot_supply() => Check("QGA0016", Usings + """
        public sealed class Settings { }

        public partial class Commands
        {
            public Commands(Settings settings, QgaKit.Hosting.AgentOptions options) { }

            [QgaCommand("guest-a")] public void A() { }
        }
        """);

    [Fact]
    public void QGA0017_no_usable_constructor() => Check("QGA0017", Usings + """
        public partial class Private
        {
            private Private() { }

            [QgaCommand("guest-a")] public void A() { }
        }

        public partial class Ambiguous
        {
            public Ambiguous(QgaKit.Hosting.AgentOptions options) { }

            public Ambiguous(QgaKit.Logging.AgentLogger logger) { }

            [QgaCommand("guest-b")] public void B() { }
        }
        """);

    [Fact]
    public void QGA0018_dependency_cycle() => Check("QGA0018", Usings + """
        public partial class First
        {
            public First(Second second) { }

            [QgaCommand("guest-a")] public void A() { }
        }

        public partial class Second
        {
            public Second(First first) { }

            [QgaCommand("guest-b")] public void B() { }
        }
        """);

    [Fact]
    public void QGA0019_duplicate_parameter_name() => Check("QGA0019", Usings + """
        public partial class Commands
        {
            [QgaCommand("guest-a")] public void A(int sizeHint, [QgaName("size-hint")] int other) { }

            [QgaCommand("guest-b")] public void B(Clash clash) { }
        }

        public sealed class Clash
        {
            public int Label { get; set; }

            [QgaName("label")]
            public int Other { get; set; }
        }
        """);

    [Fact]
    public void QGA0020_unsupported_command_class() => Check("QGA0020", Usings + """
        public partial class Commands<T>
        {
            [QgaCommand("guest-a")] public void A() { }
        }

        public abstract partial class Base
        {
            [QgaCommand("guest-b")] public void B() { }
        }

        public abstract partial class StaticOnly
        {
            [QgaCommand("guest-c")] public static void C() { }
        }
        """);

    [Fact]
    public void Diagnostics_can_be_suppressed_with_pragma()
    {
        var source = Usings + """
            public partial class Commands
            {
            #pragma warning disable QGA0004
                [QgaCommand("backup-now")] public void A() { }
            #pragma warning restore QGA0004
            }
            """;
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compile(source));
        var diagnostics = GeneratorHarness.AnalyzeAll(output);
        Assert.DoesNotContain(diagnostics, d => d.Id == "QGA0004");
    }

    [Fact]
    public void Valid_scenarios_have_no_diagnostics()
    {
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compile(Scenarios.BackupCommands, Scenarios.FsfreezeHook.Replace("\"fsfreeze\"", "\"my-freeze\"", System.StringComparison.Ordinal)));
        Assert.Empty(GeneratorHarness.Analyze(output).Select(Snapshot.Describe));
    }

    private static void Check(string id, string source, bool compiles = true, [CallerMemberName] string method = "")
    {
        var (output, _) = GeneratorHarness.Run(GeneratorHarness.Compile(source));
        var diagnostics = GeneratorHarness.Analyze(output);
        Assert.Contains(diagnostics, d => d.Id == id);
        if (compiles)
        {
            // The generator skips invalid input silently, so what it does emit still compiles.
            Assert.Empty(GeneratorHarness.CompilerProblems(output).Where(d => d.Id.StartsWith("CS", System.StringComparison.Ordinal) && d.Id != "CS0168").Select(Snapshot.Describe));
        }

        Snapshot.VerifyDiagnostics(diagnostics, method: method);
    }
}
