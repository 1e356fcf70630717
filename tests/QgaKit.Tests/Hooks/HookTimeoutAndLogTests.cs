using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Logging;
using Xunit;

namespace QgaKit.Tests.Hooks;

/// <summary>--hook-timeout (SIGTERM to the group, SIGKILL after the grace), cancellation, and --hook-log.</summary>
[SupportedOSPlatform("linux")]
public sealed class HookTimeoutAndLogTests : HookFixture
{
    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public async Task Timeout_kills_the_group_including_a_grandchild_holding_stdout(bool hookLog, bool async)
    {
        Options.HookTimeoutSeconds = 1;
        Options.HookLog = hookLog;
        Hook($"sleep 60 & echo $! > '{Out("gc.pid")}'; echo started; sleep 60");
        var e = async
            ? await Assert.ThrowsAsync<QgaException>(() => Host().RunAsync(Fsfreeze, "freeze", default))
            : Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal("fsfreeze hook has timed out after 1 seconds", e.Message);
        Assert.True(await GoneAsync(ReadPid("gc.pid")), "the background grandchild survived the group kill");
        Assert.Equal(hookLog, LogTexts.Contains("fsfreeze hook: started"));
    }

    [Fact]
    public async Task Hook_ignoring_sigterm_is_killed_after_the_grace()
    {
        Options.HookTimeoutSeconds = 1;
        Hook($"trap '' TERM; sleep 60 & echo $! > '{Out("gc.pid")}'; sleep 60");
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze"));
        Assert.Equal("fsfreeze hook has timed out after 1 seconds", e.Message);
        Assert.True(await GoneAsync(ReadPid("gc.pid")));
        Assert.Contains(Log, l => l.Level == LogLevel.Warning && l.Text.Contains("SIGKILL", StringComparison.Ordinal));
    }

    [Fact]
    public void Hook_finishing_in_time_is_not_affected_by_the_timeout()
    {
        Options.HookTimeoutSeconds = 30;
        Hook("exit 5");
        Assert.Equal("fsfreeze hook has failed with status 5", Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "freeze")).Message);
    }

    [Fact]
    public async Task Cancellation_terminates_the_hook_group()
    {
        Hook($"echo $$ > '{Out("hook.pid")}'; sleep 60 & echo $! > '{Out("gc.pid")}'; sleep 60");
        using var cts = new CancellationTokenSource();
        var run = Host().RunAsync(Fsfreeze, "freeze", cts.Token);
        for (int i = 0; i < 500 && !File.Exists(Out("gc.pid")); i++)
        {
            await Task.Delay(20);
        }

        Assert.False(run.IsCompleted);
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.True(await GoneAsync(ReadPid("gc.pid")));
        Assert.False(Directory.Exists("/proc/" + ReadPid("hook.pid")) && !IsZombie(ReadPid("hook.pid")), "the hook itself is still running");
    }

    [Fact]
    public void Hook_log_captures_stdout_and_stderr_in_order()
    {
        Options.HookLog = true;
        Hook("echo out1; echo err1 >&2; echo out2; printf 'no-newline'; exit 2");
        var e = Assert.Throws<QgaException>(() => Host().Run(Fsfreeze, "thaw"));
        Assert.Equal("fsfreeze hook has failed with status 2", e.Message);
        Assert.Equal(
            new[]
            {
                "executing fsfreeze hook with arg 'thaw'",
                "fsfreeze hook: out1",
                "fsfreeze hook: err1",
                "fsfreeze hook: out2",
                "fsfreeze hook: no-newline",
            },
            LogTexts);
        Assert.All(Log, l => Assert.Equal(LogLevel.Info, l.Level));
    }

    [Fact]
    public void Without_hook_log_output_goes_to_dev_null()
    {
        Hook("echo out1; echo err1 >&2");
        Host().Run(Fsfreeze, "freeze");
        Assert.Equal(new[] { "executing fsfreeze hook with arg 'freeze'" }, LogTexts);
    }

    [Fact]
    public void Hook_log_is_capped_at_64_KiB_and_the_hook_is_never_blocked()
    {
        Options.HookLog = true;
        Hook("yes 'abcdefghijklmnopqrstuvwxyz0123456789' | head -c 300000; echo done >&2");
        Host().Run(Fsfreeze, "freeze");
        var lines = LogTexts.Skip(1).ToArray();
        Assert.Equal("fsfreeze hook: output beyond 65536 bytes not logged", lines[^1]);
        var content = lines[..^1].Select(l => l["fsfreeze hook: ".Length..]).ToArray();
        Assert.All(content[..^1], l => Assert.Equal("abcdefghijklmnopqrstuvwxyz0123456789", l));
        Assert.StartsWith(content[^1], "abcdefghijklmnopqrstuvwxyz0123456789", StringComparison.Ordinal); // cut at the limit

        // Exactly 64 KiB of the hook's bytes were logged: whole lines with their newlines, plus the cut one.
        Assert.Equal(65536, content[..^1].Sum(l => l.Length + 1) + content[^1].Length);
        Assert.DoesNotContain("fsfreeze hook: done", LogTexts);
    }

    [Fact]
    public async Task Background_grandchild_holding_the_pipe_does_not_hold_the_reply()
    {
        Options.HookLog = true;
        Hook($"echo before; sleep 30 & echo $! > '{Out("gc.pid")}'; exit 0");
        try
        {
            Host().Run(Fsfreeze, "freeze");
            Assert.Contains("fsfreeze hook: before", LogTexts);
            Assert.True(Directory.Exists("/proc/" + ReadPid("gc.pid"))); // still running, still holding the pipe
        }
        finally
        {
            if (File.Exists(Out("gc.pid")))
            {
                _ = QgaKit.Interop.Signals.Kill(ReadPid("gc.pid"), QgaKit.Interop.Signals.SIGKILL);
                await GoneAsync(ReadPid("gc.pid"));
            }
        }
    }

    private int ReadPid(string name) => int.Parse(ReadOut(name).Trim(), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Gone or a zombie waiting for whatever reaps orphans here (a bounded wait, not a timing assertion).</summary>
    private static async Task<bool> GoneAsync(int pid)
    {
        for (int i = 0; i < 250; i++)
        {
            if (!Directory.Exists("/proc/" + pid) || IsZombie(pid))
            {
                return true;
            }

            await Task.Delay(20);
        }

        return false;
    }

    private static bool IsZombie(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)..].StartsWith('Z');
        }
        catch (IOException)
        {
            return true;
        }
    }
}
