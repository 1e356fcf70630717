using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.Versioning;
using Xunit;
using Xunit.Abstractions;

namespace QgaKit.Tests.Hooks;

/// <summary>No lost or wrong hook status: concurrently with System.Diagnostics.Process, with SIGCHLD ignored at
/// start-up, and as pid 1 (through the shim; refused without it).</summary>
[SupportedOSPlatform("linux")]
public sealed class HookReapingTests : HookFixture
{
    private readonly ITestOutputHelper _output;

    public HookReapingTests(ITestOutputHelper output)
    {
        _output = output;
        HookStress.WriteHooks(Scratch.Root);
    }

    [Fact]
    public void Statuses_are_exact_while_Process_reaps_its_own_children()
    {
        var result = HookStress.Run(Scratch.Root, rounds: 25);
        _output.WriteLine(result.ToString());
        Assert.Equal(0, result.Wrong);
        Assert.Equal(0, result.Lost);
        Assert.Equal(4 * 25 * 3, result.Exact);
        Assert.Equal(result.ProcessRuns, result.ProcessOk);
    }

    [SkippableFact]
    public void Sigchld_ignored_at_start_is_reset_and_no_status_is_lost()
    {
        Skip.IfNot(Succeeds("env", "--ignore-signal=CHLD", "true"), "env --ignore-signal (coreutils 9) is not available");
        var (exit, output) = Probe("env", "--ignore-signal=CHLD", "stress", 10);
        Assert.Contains("sigchld-ignored-at-start=True reset=True", output, StringComparison.Ordinal);
        Assert.Contains("exact=120 wrong=0 lost=0", output, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [SkippableFact]
    public void As_pid_1_the_shim_keeps_every_status()
    {
        Skip.IfNot(Succeeds("unshare", "--pid", "--fork", "--mount-proc", "true"), "unshare --pid needs root (CAP_SYS_ADMIN) and util-linux");
        var (exit, output) = Probe("unshare", "--pid --fork --mount-proc", "stress-shim", 20);

        // The agent ran as pid 1's child (pid 2 in the namespace), not as pid 1.
        var ids = System.Text.RegularExpressions.Regex.Match(output, @"^pid=(\d+) ppid=(\d+) ", System.Text.RegularExpressions.RegexOptions.Multiline);
        Assert.True(ids.Success, output);
        Assert.NotEqual("1", ids.Groups[1].Value);
        Assert.Equal("1", ids.Groups[2].Value);
        Assert.Contains("exact=240 wrong=0 lost=0", output, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [SkippableFact]
    public void As_pid_1_without_the_shim_hooks_are_refused()
    {
        Skip.IfNot(Succeeds("unshare", "--pid", "--fork", "--mount-proc", "true"), "unshare --pid needs root (CAP_SYS_ADMIN) and util-linux");
        var (exit, output) = Probe("unshare", "--pid --fork --mount-proc", "refuse", 0);
        Assert.Contains("pid=1 ppid=0 ", output, StringComparison.Ordinal);
        Assert.Contains("refused: ok hook not run: the agent is process 1", output, StringComparison.Ordinal);
        Assert.Equal(0, exit);
    }

    [SkippableFact]
    public void Shim_forwards_sigterm_and_returns_the_agents_status()
    {
        Skip.IfNot(Succeeds("unshare", "--pid", "--fork", "--mount-proc", "true"), "unshare --pid needs root (CAP_SYS_ADMIN) and util-linux");

        // A long stress run, stopped by SIGTERM to the namespace's pid 1: the shim forwards it and exits with
        // 128 + 15 once the agent (which has no handler) died of it.
        var start = ProbeStart("unshare", "--pid --fork --mount-proc", "stress-shim", 100000);
        using var p = Process.Start(start)!;
        try
        {
            string first = p.StandardOutput.ReadLine() ?? "";
            Assert.Contains("ppid=1 ", first, StringComparison.Ordinal);
            int shim = FindChildPid(p.Id);
            Assert.True(shim > 0, "the namespace's pid 1 was not found");
            _ = QgaKit.Interop.Signals.Kill(shim, QgaKit.Interop.Signals.SIGTERM);
            Assert.True(p.WaitForExit(60_000), "the shim did not exit after SIGTERM");
            Assert.Equal(128 + 15, p.ExitCode);
        }
        finally
        {
            if (!p.HasExited)
            {
                p.Kill(entireProcessTree: true);
            }
        }
    }

    private static int FindChildPid(int parent)
    {
        for (int i = 0; i < 100; i++)
        {
            string children = $"/proc/{parent}/task/{parent}/children";
            if (File.Exists(children))
            {
                string text = File.ReadAllText(children).Trim();
                if (text.Length > 0)
                {
                    return int.Parse(text.Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture);
                }
            }

            System.Threading.Thread.Sleep(20);
        }

        return -1;
    }

    private (int Exit, string Output) Probe(string wrapper, string wrapperArgs, string mode, int rounds)
    {
        using var p = Process.Start(ProbeStart(wrapper, wrapperArgs, mode, rounds))!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(180_000))
        {
            p.Kill(entireProcessTree: true);
            Assert.Fail("the probe did not finish in 180 s");
        }

        string output = stdout.GetAwaiter().GetResult() + stderr.GetAwaiter().GetResult();
        _output.WriteLine(output);
        return (p.ExitCode, output);
    }

    private ProcessStartInfo ProbeStart(string wrapper, string wrapperArgs, string mode, int rounds)
    {
        string dll = typeof(HookProbeProgram).Assembly.Location;
        string apphost = Path.Combine(Path.GetDirectoryName(dll)!, Path.GetFileNameWithoutExtension(dll));
        var start = new ProcessStartInfo(wrapper) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in wrapperArgs.Split(' '))
        {
            start.ArgumentList.Add(a);
        }

        if (File.Exists(apphost))
        {
            start.ArgumentList.Add(apphost);
        }
        else
        {
            start.ArgumentList.Add(Environment.ProcessPath ?? "dotnet");
            start.ArgumentList.Add(dll);
        }

        foreach (string a in new[] { "hooks-probe", mode, Scratch.Root, rounds.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(a);
        }

        return start;
    }

    private static bool Succeeds(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string a in args)
            {
                start.ArgumentList.Add(a);
            }

            using var p = Process.Start(start)!;
            if (!p.WaitForExit(30_000))
            {
                p.Kill();
                return false;
            }

            return p.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
