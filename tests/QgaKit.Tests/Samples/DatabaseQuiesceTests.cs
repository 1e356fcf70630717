using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using QgaKit.Tests.Hooks;
using Xunit;

namespace QgaKit.Tests.Samples;

/// <summary>
/// samples/DatabaseQuiesce end to end: the built agent as a real process on a unix socket, with a real hook
/// script, called as a host-side backup tool would.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed partial class DatabaseQuiesceTests
{
    private const string Prepare =
        """{"execute": "guest-db-prepare", "arguments": {"label": "nightly", "databases": ["sales", "crm"], "timeout-seconds": 30}}""";

    private const string Status = """{"execute": "guest-db-status"}""";

    private const string NoSession = """{"error": {"class": "GenericError", "desc": "no snapshot session is in progress"}}""";

    private const string PreparedReply =
        """{"return": {"session-id": "ID", "label": "nightly", "state": "prepared", "mode": "read-lock", "databases": ["sales", "crm"], "prepared-at": T}}""";

    [Fact]
    public void Guest_info_lists_the_database_commands_as_enabled()
    {
        using var agent = DatabaseQuiesceAgent.Start(RecordingHook());
        var commands = JsonNode.Parse(agent.Call("""{"execute": "guest-info"}"""))!["return"]!["supported_commands"]!.AsArray();
        foreach (var name in new[] { "guest-db-prepare", "guest-db-complete", "guest-db-abort", "guest-db-status" })
        {
            var command = commands.SingleOrDefault(c => (string?)c!["name"] == name);
            Assert.True(command is not null, name + " is not listed");
            Assert.True((bool)command!["enabled"]!, name + " is not enabled");
        }
    }

    [Fact]
    public void Prepare_then_complete_runs_pre_snapshot_then_post_snapshot_and_the_session_survives_between_calls()
    {
        using var agent = DatabaseQuiesceAgent.Start(RecordingHook());
        Assert.Equal("""{"return": {}}""", agent.Call(Status)); // no session yet

        var prepared = agent.Call(Prepare);
        Assert.Equal(PreparedReply, Normalize(prepared));
        var id = SessionId(prepared);
        Assert.Matches("^[0-9a-f]{8}$", id);

        // The hook read what to quiesce from the session file the agent wrote before running it.
        Assert.Equal($"session-id={id}\nlabel=nightly\nmode=read-lock\ndatabase=sales\ndatabase=crm\n", File.ReadAllText(agent.PathOf("seen.session")));

        // A host tool connects anew for each step: the session lives in the agent, not in the connection.
        agent.Reconnect();
        Assert.Equal(prepared, agent.Call(Status));

        var completed = agent.Call($$$"""
            {"execute": "guest-db-complete", "arguments": {"snapshot": {"name": "nightly-20261126", "disks": [{"device": "vda", "bytes": 21474836480}, {"device": "vdb"}]}, "session-id": "{{{id}}}"}}
            """);
        Assert.Equal(
            """{"return": {"session-id": "ID", "label": "nightly", "state": "completed", "mode": "read-lock", "databases": ["sales", "crm"], "prepared-at": T, "finished-at": T, "snapshot": {"name": "nightly-20261126", "disks": [{"device": "vda", "bytes": 21474836480}, {"device": "vdb"}]}}}""",
            Normalize(completed));
        Assert.Equal(["pre-snapshot", "post-snapshot"], HookCalls(agent));
        Assert.False(File.Exists(agent.SessionFile), "the session file outlived the session");

        agent.Reconnect();
        Assert.Equal(completed, agent.Call(Status)); // the last session stays visible
        Assert.Equal(NoSession, agent.Call($$$"""{"execute": "guest-db-complete", "arguments": {"session-id": "{{{id}}}"}}"""));
    }

    [Fact]
    public void Abort_without_a_session_id_runs_the_abort_hook_and_ends_the_session()
    {
        using var agent = DatabaseQuiesceAgent.Start(RecordingHook());
        var prepared = agent.Call("""{"execute": "guest-db-prepare", "arguments": {"label": "weekly", "databases": ["crm"], "mode": "flush-only"}}""");
        Assert.Equal(
            """{"return": {"session-id": "ID", "label": "weekly", "state": "prepared", "mode": "flush-only", "databases": ["crm"], "prepared-at": T}}""",
            Normalize(prepared));
        Assert.EndsWith("mode=flush-only\ndatabase=crm\n", File.ReadAllText(agent.PathOf("seen.session")), StringComparison.Ordinal);

        Assert.Equal(
            """{"return": {"session-id": "ID", "label": "weekly", "state": "aborted", "mode": "flush-only", "databases": ["crm"], "prepared-at": T, "finished-at": T}}""",
            Normalize(agent.Call("""{"execute": "guest-db-abort"}""")));
        Assert.Equal(["pre-snapshot", "abort"], HookCalls(agent));
        Assert.Equal(NoSession, agent.Call("""{"execute": "guest-db-abort"}"""));
    }

    [Fact]
    public void Calls_in_the_wrong_state_get_clear_errors_and_run_no_hook()
    {
        using var agent = DatabaseQuiesceAgent.Start(RecordingHook());
        Assert.Equal(NoSession, agent.Call("""{"execute": "guest-db-complete", "arguments": {"session-id": "0badc0de"}}"""));
        Assert.Equal(NoSession, agent.Call("""{"execute": "guest-db-abort"}"""));
        Assert.Empty(HookCalls(agent));

        var id = SessionId(agent.Call(Prepare));
        Assert.Equal(
            $$$"""{"error": {"class": "GenericError", "desc": "snapshot session '{{{id}}}' (nightly) is already in progress"}}""",
            agent.Call(Prepare));
        Assert.Equal(
            $$$"""{"error": {"class": "GenericError", "desc": "snapshot session '0badc0de' is not in progress (the session in progress is '{{{id}}}')"}}""",
            agent.Call("""{"execute": "guest-db-complete", "arguments": {"session-id": "0badc0de"}}"""));
        Assert.Equal(["pre-snapshot"], HookCalls(agent));
        Assert.Equal(PreparedReply, Normalize(agent.Call(Status)));
    }

    [Fact]
    public void A_failing_pre_snapshot_hook_is_the_reply_and_is_undone_with_abort()
    {
        using var agent = DatabaseQuiesceAgent.Start(RecordingHook("pre-snapshot) exit 3 ;;"));
        Assert.Equal(
            """{"error": {"class": "GenericError", "desc": "db-quiesce hook has failed with status 3"}}""",
            agent.Call(Prepare));
        Assert.Equal(["pre-snapshot", "abort"], HookCalls(agent));
        Assert.Equal("""{"return": {}}""", agent.Call(Status)); // no session was opened
        Assert.False(File.Exists(agent.SessionFile));
    }

    [Fact]
    public void A_failing_post_snapshot_hook_keeps_the_session_so_the_host_can_abort()
    {
        using var agent = DatabaseQuiesceAgent.Start(RecordingHook("post-snapshot) exit 4 ;;"));
        var id = SessionId(agent.Call(Prepare));
        Assert.Equal(
            """{"error": {"class": "GenericError", "desc": "db-quiesce hook has failed with status 4"}}""",
            agent.Call($$$"""{"execute": "guest-db-complete", "arguments": {"session-id": "{{{id}}}"}}"""));
        Assert.Equal(PreparedReply, Normalize(agent.Call(Status)));

        Assert.Contains("\"state\": \"aborted\"", agent.Call($$$"""{"execute": "guest-db-abort", "arguments": {"session-id": "{{{id}}}"}}"""), StringComparison.Ordinal);
        Assert.Equal(["pre-snapshot", "post-snapshot", "abort"], HookCalls(agent));
    }

    [Fact]
    public void A_pre_snapshot_hook_that_outlives_timeout_seconds_is_stopped_and_undone()
    {
        using var agent = DatabaseQuiesceAgent.Start(RecordingHook("pre-snapshot) sleep 120 ;;"));
        Assert.Equal(
            """{"error": {"class": "GenericError", "desc": "db-quiesce hook has timed out after 1 seconds"}}""",
            agent.Call("""{"execute": "guest-db-prepare", "arguments": {"label": "nightly", "databases": ["sales"], "timeout-seconds": 1}}"""));
        Assert.Equal(["pre-snapshot", "abort"], HookCalls(agent));
        Assert.Equal("""{"return": {}}""", agent.Call(Status));
    }

    [Theory]
    [InlineData("""{"label": "nightly", "databases": ["sales", 7]}""", "Invalid parameter type for 'databases[1]', expected: string")]
    [InlineData("""{"label": "nightly", "databases": "sales"}""", "Invalid parameter type for 'databases', expected: array")]
    [InlineData("""{"databases": ["sales"]}""", "Parameter 'label' is missing")]
    [InlineData("""{"label": "nightly", "databases": ["sales"], "mode": "nap"}""", "Parameter 'mode' does not accept value 'nap'")]
    [InlineData("""{"label": "nightly", "databases": ["sales"], "timeout-seconds": "30"}""", "Invalid parameter type for 'timeout-seconds', expected: integer")]
    [InlineData("""{"label": "nightly", "databases": ["sales"], "timeout-seconds": 0}""", "Parameter 'timeout-seconds' must be between 1 and 3600")]
    [InlineData("""{"label": "nightly", "databases": ["sales"], "verbose": true}""", "Parameter 'verbose' is unexpected")]
    [InlineData("""{"label": "nightly", "databases": []}""", "Parameter 'databases' must name at least one database")]
    [InlineData("""{"label": "nightly", "databases": ["sales", "crm; reboot"]}""", "Parameter 'databases[1]' does not accept value 'crm; reboot' (letters, digits, '.', '_' and '-' only)")]
    public void A_bad_prepare_argument_gets_its_error_text_and_runs_no_hook(string arguments, string error)
    {
        using var agent = DatabaseQuiesceAgent.Start(RecordingHook());
        Assert.Equal(
            $$$"""{"error": {"class": "GenericError", "desc": "{{{error}}}"}}""",
            agent.Call($$$"""{"execute": "guest-db-prepare", "arguments": {{{arguments}}}}"""));
        Assert.Empty(HookCalls(agent));
    }

    [Fact]
    public void A_bad_nested_record_argument_names_its_path()
    {
        using var agent = DatabaseQuiesceAgent.Start(RecordingHook());
        Assert.Equal(
            """{"error": {"class": "GenericError", "desc": "Invalid parameter type for 'snapshot.disks[0].bytes', expected: integer"}}""",
            agent.Call("""{"execute": "guest-db-complete", "arguments": {"session-id": "0badc0de", "snapshot": {"name": "n", "disks": [{"device": "vda", "bytes": "1G"}]}}}"""));
        Assert.Equal(
            """{"error": {"class": "GenericError", "desc": "Parameter 'snapshot.name' is missing"}}""",
            agent.Call("""{"execute": "guest-db-complete", "arguments": {"session-id": "0badc0de", "snapshot": {}}}"""));
    }

    [Fact]
    public void The_example_hook_locks_and_unlocks_each_database_through_the_agent()
    {
        Assert.True(File.GetUnixFileMode(DatabaseQuiesceAgent.ExampleHook).HasFlag(UnixFileMode.UserExecute), "the example hook lost its execute bit");
        using var cli = new HookScratch();
        using var agent = DatabaseQuiesceAgent.Start(File.ReadAllText(DatabaseQuiesceAgent.ExampleHook), dir => ExampleHookEnvironment(dir, cli));

        var id = SessionId(agent.Call(Prepare));
        Assert.Equal(["lock sales", "lock crm"], ReadLines(cli.PathOf("cli-calls")));
        Assert.Equal(["sales", "crm"], ReadLines(cli.PathOf("locked")));

        Assert.Contains("\"state\": \"completed\"", agent.Call($$$"""{"execute": "guest-db-complete", "arguments": {"session-id": "{{{id}}}"}}"""), StringComparison.Ordinal);
        Assert.Equal(["lock sales", "lock crm", "unlock sales", "unlock crm"], ReadLines(cli.PathOf("cli-calls")));
        Assert.False(File.Exists(cli.PathOf("locked")));
    }

    [SkippableTheory]
    [InlineData("dash")]
    [InlineData("busybox")]
    public void The_example_hook_is_posix_sh(string shell)
    {
        var path = Array.Find(["/usr/bin/" + shell, "/bin/" + shell], File.Exists);
        Skip.If(path is null, $"{shell} is not installed (apt-get install {shell})");
        using var cli = new HookScratch();
        File.WriteAllText(cli.PathOf("db-quiesce.session"), "session-id=1\nlabel=x\nmode=read-lock\ndatabase=sales\ndatabase=crm\ndatabase=hr\n");
        var environment = ExampleHookEnvironment(cli.Root, cli);

        Assert.Equal(0, RunExampleHook(path!, shell, "pre-snapshot", environment));
        Assert.Equal(0, RunExampleHook(path!, shell, "post-snapshot", environment));
        Assert.Equal(0, RunExampleHook(path!, shell, "abort", environment)); // nothing left to release
        Assert.Equal(["lock sales", "lock crm", "lock hr", "unlock sales", "unlock crm", "unlock hr"], ReadLines(cli.PathOf("cli-calls")));

        // A database that cannot be locked fails the hook with its status, after the ones before it are released.
        File.Delete(cli.PathOf("cli-calls"));
        environment["FAIL_LOCK"] = "crm";
        Assert.Equal(5, RunExampleHook(path!, shell, "pre-snapshot", environment));
        Assert.Equal(["lock sales", "lock crm", "unlock sales"], ReadLines(cli.PathOf("cli-calls")));
        Assert.False(File.Exists(cli.PathOf("locked")));
        Assert.Equal(2, RunExampleHook(path!, shell, "snapshot", environment)); // usage
    }

    // Records each argv[1] in hook-calls beside itself, keeps a copy of the session file it saw at pre-snapshot,
    // and runs the case arms in `phases` (e.g. "pre-snapshot) exit 3 ;;"); the hook and the agent's state share a dir.
    private static string RecordingHook(string phases = "") => $$"""
        #!/bin/sh
        dir=$(dirname "$0")
        echo "$1" >> "$dir/hook-calls"
        [ "$1" != pre-snapshot ] || cp "$dir/db-quiesce.session" "$dir/seen.session"
        case "$1" in
        {{phases}}
        esac
        exit 0

        """;

    // The example hook's settings: the agent's session file, its lock file and a fake database CLI (in `cli`'s dir)
    // that records "lock NAME"/"unlock NAME" and fails with status 5 to lock $FAIL_LOCK.
    private static Dictionary<string, string> ExampleHookEnvironment(string stateDir, HookScratch cli)
    {
        var fake = cli.Write("fake-db-cli", """
            #!/bin/sh
            echo "$1 $2" >> "$(dirname "$0")/cli-calls"
            if [ "$1" = lock ] && [ "$2" = "${FAIL_LOCK:-}" ]; then exit 5; fi
            exit 0

            """, "755");
        return new Dictionary<string, string>
        {
            ["DB_QUIESCE_SESSION"] = Path.Combine(stateDir, "db-quiesce.session"),
            ["DB_QUIESCE_LOCK"] = cli.PathOf("locked"),
            ["DB_CLI"] = fake,
        };
    }

    private static int RunExampleHook(string shellPath, string shell, string argument, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(shellPath) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in shell == "busybox" ? ["sh", DatabaseQuiesceAgent.ExampleHook, argument] : new[] { DatabaseQuiesceAgent.ExampleHook, argument })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill(); // only this shell, by its pid
            throw new TimeoutException($"{shell} {argument}: the example hook did not finish");
        }

        Assert.True(output.Wait(10_000) && errors.Wait(10_000), "the hook's output did not end");
        return process.ExitCode;
    }

    private static List<string> HookCalls(DatabaseQuiesceAgent agent) => ReadLines(agent.PathOf("hook-calls"));

    private static List<string> ReadLines(string path) => File.Exists(path) ? File.ReadAllLines(path).ToList() : [];

    private static string SessionId(string reply) => (string)JsonNode.Parse(reply)!["return"]!["session-id"]!;

    // Session ids are random and times are the clock's: everything else of a reply is compared exactly.
    private static string Normalize(string reply) => Times().Replace(Ids().Replace(reply, "\"session-id\": \"ID\""), "\"$1-at\": T");

    [GeneratedRegex("\"session-id\": \"[0-9a-f]{8}\"")]
    private static partial Regex Ids();

    [GeneratedRegex("\"(prepared|finished)-at\": [0-9]+")]
    private static partial Regex Times();
}
