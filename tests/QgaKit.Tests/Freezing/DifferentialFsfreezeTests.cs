using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Xunit;
using Xunit.Abstractions;

namespace QgaKit.Tests.Freezing;

/// <summary>
/// The same fsfreeze scenario against the real qemu-ga 7.2 and the kit's sample agent, on test loop mounts only
/// (only <c>guest-fsfreeze-freeze-list</c> with the test's own mount points, never a freeze of everything).
/// qemu-ga's transcript is pinned to the behaviour in the reference; the kit's must equal it except for the
/// differences documented in docs/compatibility.md, which each test applies explicitly.
/// </summary>
[Collection("Freezing")]
public sealed class DifferentialFsfreezeTests(ITestOutputHelper output)
{
    private const string Status = "{\"execute\": \"guest-fsfreeze-status\"}";
    private const string Thaw = "{\"execute\": \"guest-fsfreeze-thaw\"}";
    private const string Frozen = "< {\"return\": \"frozen\"}";
    private const string Thawed = "< {\"return\": \"thawed\"}";

    private static string FreezeList(params string[] mountPoints)
        => "{\"execute\": \"guest-fsfreeze-freeze-list\", \"arguments\": {\"mountpoints\": [" + string.Join(", ", mountPoints.Select(m => "\"" + m + "\"")) + "]}}";

    private static string Disabled(string command) => $"< {{\"error\": {{\"class\": \"CommandNotFound\", \"desc\": \"Command {command} has been disabled: the agent is in frozen state\"}}}}";

    private static string Error(string desc) => $"< {{\"error\": {{\"class\": \"GenericError\", \"desc\": \"{desc}\"}}}}";

    private static DifferentialSetup NewSetup()
    {
        Skip.If(DifferentialSetup.SkipReason() is not null, DifferentialSetup.SkipReason());
        return new DifferentialSetup();
    }

    private DifferentialAgent? _lastAgent;

    private List<string> Run(DifferentialSetup setup, AgentKind kind, Action<DifferentialTranscript> scenario, bool keepRunning = false)
    {
        var transcript = new DifferentialTranscript(setup, setup.Start(kind));
        try
        {
            scenario(transcript);
        }
        finally
        {
            output.WriteLine($"--- {kind}");
            foreach (var line in transcript.Lines)
            {
                output.WriteLine(line);
            }

            output.WriteLine("hook descriptors: " + string.Join(" | ", setup.HookDescriptors));
            output.WriteLine("stderr: " + transcript.Agent.StandardError);
            _lastAgent = transcript.Agent;
            if (!keepRunning)
            {
                transcript.Agent.Kill();
            }
        }

        // compatibility.md (Hooks): the kit's hook gets stdio and nothing else; qemu-ga's also gets what it inherited.
        Assert.All(setup.HookDescriptors, fds => Assert.StartsWith("0 1 2 3", fds, StringComparison.Ordinal));
        if (kind == AgentKind.Kit)
        {
            Assert.All(setup.HookDescriptors, fds => Assert.Equal("0 1 2 3", fds));
        }

        return transcript.Lines;
    }

    [SkippableFact]
    public void Freeze_list_status_frozen_allow_list_and_thaw()
    {
        using var setup = NewSetup();
        var mnt = setup.Mnt;
        var sub = setup.Mounts.AddExt4("mnt/sub");
        var bind = setup.Mounts.AddBind(mnt, "bind");

        void Scenario(DifferentialTranscript t)
        {
            t.Send(Status);
            t.Send(FreezeList(mnt, sub, bind));
            t.Note("state file: " + StateFileText(setup));
            using var writer = setup.Mounts.StartWriter(mnt);
            t.Note("writer blocked: " + writer.WaitBlocked());
            t.Send(Status);
            // Never guest-fsfreeze-freeze (no list) here, not even while it is refused: a bug would freeze this machine.
            t.Send(FreezeList(mnt));
            t.Send("{\"execute\": \"guest-nonexistent\"}");
            t.Send("{\"execute\": \"guest-ping\"}");
            t.Send("{\"execute\": \"guest-sync\", \"arguments\": {\"id\": 77}}");
            t.SendInfoEnabled();
            t.Agent.Disconnect();
            t.Send(Status);
            t.Send(Thaw);
            t.Note("writer completed: " + writer.WaitCompleted());
            t.Note("state file: " + StateFileText(setup));
            t.Send(Status);
            t.Send(Thaw);
        }

        var qemu = Run(setup, AgentKind.QemuGa, Scenario);
        var hookFreeze = HookLine(qemu, "freeze");
        var hookThaw = HookLine(qemu, "thaw");
        Assert.Contains("argc=1 argv0=<dir>/hook.sh session=own pgrp=own stdin=/dev/null stdout=/dev/null stderr=/dev/null", hookFreeze, StringComparison.Ordinal);
        // cwd and umask are the agent's, the environment its own (compared between the agents through the transcript).
        Assert.Matches(" cwd=<dir> umask=0[0-7]{3} env=[0-9a-f]{8} ", hookFreeze);
        Assert.EndsWith("statefile=no", hookFreeze, StringComparison.Ordinal);
        string[] expected =
        [
            "> " + Status, Thawed,
            "> " + setup.Normalize(FreezeList(mnt, sub, bind)), "< {\"return\": 2}", hookFreeze, "probe freeze written",
            "# state file: empty 0600",
            "# writer blocked: True",
            "> " + Status, Frozen,
            "> " + setup.Normalize(FreezeList(mnt)), Disabled("guest-fsfreeze-freeze-list"),
            "> {\"execute\": \"guest-nonexistent\"}", "< {\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command guest-nonexistent has not been found\"}}",
            "> {\"execute\": \"guest-ping\"}", "< {\"return\": {}}",
            "> {\"execute\": \"guest-sync\", \"arguments\": {\"id\": 77}}", "< {\"return\": 77}",
            "> guest-info", "< enabled: guest-fsfreeze-status guest-fsfreeze-thaw guest-info guest-ping guest-sync guest-sync-delimited",
            "< order: guest-fsfreeze-thaw guest-fsfreeze-freeze-list guest-fsfreeze-freeze guest-fsfreeze-status guest-info guest-ping guest-sync guest-sync-delimited",
            "> " + Status, Frozen,
            "> " + Thaw, "< {\"return\": 2}", hookThaw, "probe thaw written",
            "# writer completed: True",
            "# state file: absent",
            "> " + Status, Thawed,
            "> " + Thaw, "< {\"return\": 0}", hookThaw, "probe thaw written",
        ];
        Assert.Equal(expected, qemu);

        var kit = Run(setup, AgentKind.Kit, Scenario);

        // compatibility.md, hook pairing: a thaw with no freeze hook run to answer runs no thaw hook.
        Assert.Equal(expected[..^2], kit);
    }

    [SkippableFact]
    public void Hook_failures_give_the_same_texts_as_qemu_ga_7_2()
    {
        using var setup = NewSetup();
        var mnt = setup.Mnt;

        void Scenario(DifferentialTranscript t)
        {
            setup.HookFails("freeze", 3);
            t.Send(FreezeList(mnt));
            t.Send(Status);
            t.Note("probe after failed freeze: " + setup.Mounts.StartWriter(mnt).WaitCompleted());
            setup.HookFails("freeze", null);
            t.Send(FreezeList(mnt));
            t.Send(Status);
            setup.HookSucceeds();
            setup.HookFails("thaw", 3);
            t.Send(FreezeList(mnt));
            t.Send(Thaw);
            t.Send(Status);
            t.Note("probe after failed thaw hook: " + setup.Mounts.StartWriter(mnt).WaitCompleted());
            setup.HookSucceeds();
            setup.SetHookMode(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
            t.Send(FreezeList(mnt));
            t.Send(Thaw);
            setup.SetHookMode(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            File.Move(setup.HookPath, setup.HookPath + ".away");
            t.Send(FreezeList(mnt));
            File.Move(setup.HookPath + ".away", setup.HookPath);
        }

        var qemu = Run(setup, AgentKind.QemuGa, Scenario);
        var hookFreeze = HookLine(qemu, "freeze");
        var hookThaw = HookLine(qemu, "thaw");
        var freezeList = "> " + setup.Normalize(FreezeList(mnt));
        var notExecutable = Error("can't access fsfreeze hook '<dir>/hook.sh': Permission denied");
        string[] expected =
        [
            freezeList, Error("fsfreeze hook has failed with status 3"), hookFreeze,
            "> " + Status, Thawed,
            "# probe after failed freeze: True",
            freezeList, Error("fsfreeze hook has terminated abnormally"), hookFreeze,
            "> " + Status, Thawed,
            freezeList, "< {\"return\": 1}", hookFreeze, "probe freeze written",
            "> " + Thaw, Error("fsfreeze hook has failed with status 3"), hookThaw,
            "> " + Status, Thawed,
            "# probe after failed thaw hook: True",
            freezeList, notExecutable,
            "> " + Thaw, notExecutable,
            freezeList, Error("can't access fsfreeze hook '<dir>/hook.sh': No such file or directory"),
        ];
        Assert.Equal(expected, qemu);

        var kit = Run(setup, AgentKind.Kit, Scenario);

        // compatibility.md, hook pairing: a thaw with no freeze hook run to answer neither runs nor checks the hook.
        var expectedKit = expected.ToList();
        expectedKit[expectedKit.LastIndexOf(notExecutable)] = "< {\"return\": 0}";
        Assert.Equal(expectedKit, kit);
    }

    [SkippableFact]
    public void A_freeze_that_freezes_nothing_pairs_the_thaw_hook_at_once()
    {
        using var setup = NewSetup();
        var mnt = setup.Mnt;
        Directory.CreateDirectory(Path.Combine(mnt, "dir"));

        void Scenario(DifferentialTranscript t)
        {
            t.Send(FreezeList(Path.Combine(mnt, "dir")));
            t.Send(Status);
            t.Note("state file: " + StateFileText(setup));
            t.Send("{\"execute\": \"guest-fsfreeze-freeze-list\", \"arguments\": {\"mountpoints\": []}}");
            t.Send(Status);
        }

        var qemu = Run(setup, AgentKind.QemuGa, Scenario);
        var hookFreeze = HookLine(qemu, "freeze");
        string[] expected =
        [
            "> " + setup.Normalize(FreezeList(Path.Combine(mnt, "dir"))), "< {\"return\": 0}", hookFreeze, "probe freeze written",
            "> " + Status, Thawed,
            "# state file: absent",
            "> {\"execute\": \"guest-fsfreeze-freeze-list\", \"arguments\": {\"mountpoints\": []}}", "< {\"return\": 0}", hookFreeze, "probe freeze written",
            "> " + Status, Thawed,
        ];
        Assert.Equal(expected, qemu);

        var kit = Run(setup, AgentKind.Kit, Scenario);

        // compatibility.md, hook pairing: the freeze hook's run is answered by a thaw hook run in the same call.
        var hookThaw = hookFreeze.Replace("hook freeze ", "hook thaw ", StringComparison.Ordinal);
        var expectedKit = expected.ToList();
        expectedKit.InsertRange(11, [hookThaw, "probe thaw written"]);
        expectedKit.InsertRange(4, [hookThaw, "probe thaw written"]);
        Assert.Equal(expectedKit, kit);
    }

    [SkippableFact]
    public void A_filesystem_frozen_beforehand_reads_thawed_and_thaw_releases_it()
    {
        using var setup = NewSetup();
        var mnt = setup.Mnt;
        setup.SkipProbe();

        void Scenario(DifferentialTranscript t)
        {
            Shell.Check("fsfreeze", "-f", mnt);
            using var writer = setup.Mounts.StartWriter(mnt);
            t.Note("writer blocked: " + writer.WaitBlocked());
            t.Send(FreezeList(mnt));
            t.Send(Status);
            t.Send(Thaw);
            t.Note("writer completed: " + writer.WaitCompleted());
        }

        var qemu = Run(setup, AgentKind.QemuGa, Scenario);
        var hookFreeze = HookLine(qemu, "freeze");
        var hookThaw = HookLine(qemu, "thaw");
        string[] expected =
        [
            "# writer blocked: True",
            "> " + setup.Normalize(FreezeList(mnt)), "< {\"return\": 0}", hookFreeze,
            "> " + Status, Thawed,
            "> " + Thaw, "< {\"return\": 1}", hookThaw,
            "# writer completed: True",
        ];
        Assert.Equal(expected, qemu);

        var kit = Run(setup, AgentKind.Kit, Scenario);

        // compatibility.md, hook pairing: the thaw hook runs inside the freeze that froze nothing, not at the thaw.
        string[] expectedKit =
        [
            "# writer blocked: True",
            "> " + setup.Normalize(FreezeList(mnt)), "< {\"return\": 0}", hookFreeze, hookThaw,
            "> " + Status, Thawed,
            "> " + Thaw, "< {\"return\": 1}",
            "# writer completed: True",
        ];
        Assert.Equal(expectedKit, kit);
    }

    [SkippableFact]
    public void After_kill_9_while_frozen_a_restarted_agent_comes_up_frozen_and_thaw_works()
    {
        using var setup = NewSetup();
        var mnt = setup.Mnt;
        string? restartStderr = null;

        void Scenario(DifferentialTranscript t)
        {
            t.Send(FreezeList(mnt));
            using var writer = setup.Mounts.StartWriter(mnt);
            t.Note("writer blocked: " + writer.WaitBlocked());
            t.Agent.Kill();
            t.Note("state file after kill: " + StateFileText(setup));
            t.Agent = setup.Start(t.Agent.Kind, resetState: false, "-v");
            // stderr is read by an asynchronous line reader: give the start-up warning a bounded time to arrive
            // (the assertion below checks it; this only avoids reading before the reader delivered it).
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!t.Agent.StandardError.Contains("previous instance appears", StringComparison.Ordinal) && DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Sleep(20);
            }

            t.Send(Status);
            t.Send("{\"execute\": \"guest-ping\"}");
            t.Send(FreezeList(mnt));
            t.Send(Thaw);
            t.Note("writer completed: " + writer.WaitCompleted());
            t.Note("state file: " + StateFileText(setup));
            t.Send(Status);
            restartStderr = t.Agent.StandardError;
        }

        var qemu = Run(setup, AgentKind.QemuGa, Scenario);
        var hookFreeze = HookLine(qemu, "freeze");
        var hookThaw = HookLine(qemu, "thaw");
        string[] expected =
        [
            "> " + setup.Normalize(FreezeList(mnt)), "< {\"return\": 1}", hookFreeze, "probe freeze written",
            "# writer blocked: True",
            "# state file after kill: empty 0600",
            "> " + Status, Frozen,
            "> {\"execute\": \"guest-ping\"}", "< {\"return\": {}}",
            "> " + setup.Normalize(FreezeList(mnt)), Disabled("guest-fsfreeze-freeze-list"),
            "> " + Thaw, "< {\"return\": 1}", hookThaw, "probe thaw written",
            "# writer completed: True",
            "# state file: absent",
            "> " + Status, Thawed,
        ];
        Assert.Equal(expected, qemu);
        // In GLib's own format, with or without -v: qemu-ga warns before its log handler is installed.
        var warning = "previous instance appears to have exited with frozen filesystems. deferring logging/pidfile creation and "
            + "disabling non-fsfreeze-safe commands until guest-fsfreeze-thaw is issued, or filesystems are manually unfrozen "
            + $"and the file {setup.StateFile} is removed";
        var glibWarning = @"^\*\* \(process:\d+\): WARNING \*\*: \d\d:\d\d:\d\d\.\d{3}: " + System.Text.RegularExpressions.Regex.Escape(warning) + "$";
        Assert.Matches(new System.Text.RegularExpressions.Regex(glibWarning, System.Text.RegularExpressions.RegexOptions.Multiline), restartStderr);

        var kit = Run(setup, AgentKind.Kit, Scenario);

        Assert.Equal(expected, kit);
        Assert.Matches(new System.Text.RegularExpressions.Regex(glibWarning, System.Text.RegularExpressions.RegexOptions.Multiline), restartStderr);
    }

    [SkippableFact]
    public void Sigterm_while_frozen_never_thaws_behind_the_hosts_back()
    {
        using var setup = NewSetup();
        var mnt = setup.Mnt;

        void Scenario(DifferentialTranscript t)
        {
            t.Send(FreezeList(mnt));
            using var writer = setup.Mounts.StartWriter(mnt);
            t.Agent.Signal(System.Runtime.InteropServices.PosixSignal.SIGTERM);
            t.Send(Status);
            t.Note("writer blocked: " + writer.WaitBlocked());
            t.Send(Thaw);
            t.Note("writer completed: " + writer.WaitCompleted());
        }

        var qemu = Run(setup, AgentKind.QemuGa, Scenario, keepRunning: true);
        string[] expected =
        [
            "> " + setup.Normalize(FreezeList(mnt)), "< {\"return\": 1}", HookLine(qemu, "freeze"), "probe freeze written",
            "> " + Status, Frozen,
            "# writer blocked: True",
            "> " + Thaw, "< {\"return\": 1}", HookLine(qemu, "thaw"), "probe thaw written",
            "# writer completed: True",
        ];
        Assert.Equal(expected, qemu);

        // qemu-ga ignored SIGTERM for good; the kit deferred it and exits 0 right after the thaw's reply
        // (compatibility.md: SIGTERM/SIGINT while frozen are deferred).
        Assert.Null(_lastAgent!.WaitForExit(TimeSpan.FromSeconds(1)));
        _lastAgent.Kill();

        var kit = Run(setup, AgentKind.Kit, Scenario, keepRunning: true);
        Assert.Equal(expected, kit);
        Assert.Equal(0, _lastAgent!.WaitForExit(TimeSpan.FromSeconds(30)));
    }

    private static string HookLine(List<string> transcript, string argument)
        => transcript.First(l => l.StartsWith("hook " + argument + " ", StringComparison.Ordinal));

    private static string StateFileText(DifferentialSetup setup)
    {
        if (!File.Exists(setup.StateFile))
        {
            return "absent";
        }

        var mode = File.GetUnixFileMode(setup.StateFile);
        var octal = Convert.ToString((int)mode, 8).PadLeft(4, '0');
        return (new FileInfo(setup.StateFile).Length == 0 ? "empty " : "not empty ") + octal;
    }
}
