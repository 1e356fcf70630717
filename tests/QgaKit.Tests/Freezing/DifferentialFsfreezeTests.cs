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

    private List<string> Run(DifferentialSetup setup, AgentKind kind, Action<DifferentialTranscript> scenario)
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

            output.WriteLine("stderr: " + transcript.Agent.StandardError);
            transcript.Agent.Kill();
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
            t.Send("{\"execute\": \"guest-fsfreeze-freeze\"}");
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
        Assert.EndsWith("statefile=no", hookFreeze, StringComparison.Ordinal);
        string[] expected =
        [
            "> " + Status, Thawed,
            "> " + setup.Normalize(FreezeList(mnt, sub, bind)), "< {\"return\": 2}", hookFreeze, "probe freeze written",
            "# state file: empty 0600",
            "# writer blocked: True",
            "> " + Status, Frozen,
            "> {\"execute\": \"guest-fsfreeze-freeze\"}", Disabled("guest-fsfreeze-freeze"),
            "> " + setup.Normalize(FreezeList(mnt)), Disabled("guest-fsfreeze-freeze-list"),
            "> {\"execute\": \"guest-nonexistent\"}", "< {\"error\": {\"class\": \"CommandNotFound\", \"desc\": \"The command guest-nonexistent has not been found\"}}",
            "> {\"execute\": \"guest-ping\"}", "< {\"return\": {}}",
            "> {\"execute\": \"guest-sync\", \"arguments\": {\"id\": 77}}", "< {\"return\": 77}",
            "> guest-info", "< enabled: guest-fsfreeze-status guest-fsfreeze-thaw guest-info guest-ping guest-sync guest-sync-delimited",
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
