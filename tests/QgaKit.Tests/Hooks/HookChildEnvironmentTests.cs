using System;
using System.IO;
using System.Linq;
using System.Runtime.Versioning;
using QgaKit.Interop;
using Xunit;

namespace QgaKit.Tests.Hooks;

/// <summary>What the hook process sees: descriptors, environment, session, stdio, signal dispositions.</summary>
[SupportedOSPlatform("linux")]
public sealed class HookChildEnvironmentTests : HookFixture
{
    [Fact]
    public void Only_descriptors_0_1_2_reach_the_hook_even_ones_the_agent_leaked()
    {
        int leaked = TestLibc.dup(2);
        Assert.True(leaked > 2);
        try
        {
            // Proves the setup: the copy really is inheritable (no O_CLOEXEC, octal 02000000, in fdinfo's flags).
            string flags = File.ReadAllLines($"/proc/self/fdinfo/{leaked}").Single(l => l.StartsWith("flags:", StringComparison.Ordinal));
            Assert.Equal(0, Convert.ToInt32(flags["flags:".Length..].Trim(), 8) & 0x80000);

            // ls opens /proc/self/fd itself; that one entry is its own and is left out.
            Hook($"exec /bin/ls -l /proc/self/fd/ > '{Out()}'");
            Host().Run(Fsfreeze, "freeze");
            var fds = ListedFds(ReadOut());
            Assert.Equal(new[] { 0, 1, 2 }, fds);

            // Control: without closing, the same spawn does leak it.
            var control = new SpawnOptions("/bin/sh", new[] { "sh", "-c", $"exec /bin/ls -l /proc/self/fd/ > '{Out("control.txt")}'" })
            {
                CloseOtherDescriptors = false,
            };
            Assert.Equal(0, Spawn.Start(control, out int pid));
            Assert.Equal(pid, Wait.WaitPid(pid, 0, out _));
            Assert.Contains(leaked, ListedFds(ReadOut("control.txt")));
        }
        finally
        {
            _ = TestLibc.close(leaked);
        }
    }

    [Fact]
    public void Close_list_fallback_also_closes_leaked_descriptors()
    {
        int leaked = TestLibc.dup(2);
        try
        {
            Spawn.UseCloseListFallback = true;
            var options = new SpawnOptions("/bin/sh", new[] { "sh", "-c", $"exec /bin/ls -l /proc/self/fd/ > '{Out()}'" });
            Assert.Equal(0, Spawn.Start(options, out int pid));
            Assert.Equal(pid, Wait.WaitPid(pid, 0, out var status));
            Assert.Equal(0, status.Raw);
            Assert.Equal(new[] { 0, 1, 2 }, ListedFds(ReadOut()));
        }
        finally
        {
            Spawn.UseCloseListFallback = false;
            _ = TestLibc.close(leaked);
        }
    }

    [Fact]
    public void Environment_is_the_real_environ()
    {
        Assert.Equal(0, TestLibc.setenv("QGAKIT_HOOK_TEST_MARK", "set-through-environ", 1));
        try
        {
            Hook($"printf '%s' \"$QGAKIT_HOOK_TEST_MARK\" > '{Out()}'");
            Host().Run(Fsfreeze, "freeze");
            Assert.Equal("set-through-environ", ReadOut());
        }
        finally
        {
            _ = TestLibc.unsetenv("QGAKIT_HOOK_TEST_MARK");
        }
    }

    [Fact]
    public void Hook_leads_its_own_session_without_a_terminal()
    {
        // /proc/PID/stat: pid (comm) state ppid pgrp session tty_nr ...
        Hook($"echo $$ $(cut -d' ' -f4-7 /proc/$$/stat) > '{Out()}'");
        Host().Run(Fsfreeze, "freeze");
        var f = ReadOut().Trim().Split(' ');
        Assert.Equal(f[0], f[2]); // pgid = pid
        Assert.Equal(f[0], f[3]); // sid = pid
        Assert.Equal(TestLibc.getpid().ToString(System.Globalization.CultureInfo.InvariantCulture), f[1]); // parent = the agent
        Assert.Equal("0", f[4]); // no controlling tty
    }

    [Fact]
    public void Stdio_is_dev_null()
    {
        // Through a command substitution: a redirected last command would be exec'ed by dash in the hook itself.
        Hook($"x=$(readlink /proc/$$/fd/0 /proc/$$/fd/1 /proc/$$/fd/2); echo \"$x\" > '{Out()}'");
        Host().Run(Fsfreeze, "freeze");
        Assert.Equal("/dev/null\n/dev/null\n/dev/null\n", ReadOut());

        // Opened O_RDWR like qemu-ga's reopen_fd_to_null (fdinfo flags 0100002: O_LARGEFILE|O_RDWR).
        Hook($"x=$(grep -h '^flags:' /proc/$$/fdinfo/0 /proc/$$/fdinfo/1 /proc/$$/fdinfo/2); echo \"$x\" > '{Out()}'");
        Host().Run(Fsfreeze, "freeze");
        Assert.Equal("flags:\t0100002\nflags:\t0100002\nflags:\t0100002\n", ReadOut());
    }

    [Fact]
    public void Signals_are_default_and_unblocked()
    {
        // exec keeps ignored dispositions and the mask, so grep reports what the hook got.
        Hook($"exec grep -E '^Sig(Ign|Blk):' /proc/self/status > '{Out()}'");
        Host().Run(Fsfreeze, "freeze");
        var lines = File.ReadAllLines(Out());

        // SIGPIPE (13), which .NET ignores, is default. glibc's posix_spawn leaves its internal signals 32 and 33
        // (SIGCANCEL, SIGSETXID) ignored in every child, from C as well; sigfillset cannot name them.
        Assert.Equal("SigIgn:\t0000000180000000", lines[1]);
        Assert.Equal("SigBlk:\t0000000000000000", lines[0]);
    }

    private static int[] ListedFds(string lsOutput) => lsOutput
        .Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(l => l.Contains(" -> ", StringComparison.Ordinal))
        .Where(l => !l.EndsWith("/fd", StringComparison.Ordinal)) // ls's own directory handle
        .Select(l => int.Parse(l.Split(" -> ")[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1], System.Globalization.CultureInfo.InvariantCulture))
        .Order()
        .ToArray();
}
