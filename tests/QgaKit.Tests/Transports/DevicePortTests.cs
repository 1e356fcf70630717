using System;
using System.Globalization;
using System.IO;
using QgaKit.Tests.Hosting;
using Xunit;

namespace QgaKit.Tests.Transports;

/// <summary>virtio-serial and isa-serial with a pseudo-terminal standing in for the port (the test is the host).</summary>
public class DevicePortTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Isa_serial_sets_the_line_raw_and_answers()
    {
        using var pty = new Pty();
        var directory = AgentProcess.NewTempDirectory();
        using var agent = AgentProcess.Launch(directory, ["-m", "isa-serial", "-p", pty.SlavePath]);
        pty.Synchronise(Timeout);

        // Raw mode: no echo of the request, no "\r\n" for the reply's "\n".
        pty.Write("{\"execute\":\"guest-ping\",\"id\":\"last\"}");
        Assert.Equal("{\"return\": {}, \"id\": \"last\"}\n", pty.ReadLineContaining("\"last\"", Timeout));
    }

    [Fact]
    public void Virtio_serial_answers_on_the_port()
    {
        using var pty = new Pty();
        pty.MakeRaw();
        var directory = AgentProcess.NewTempDirectory();
        using var agent = AgentProcess.Launch(directory, ["-m", "virtio-serial", "-p", pty.SlavePath]);
        pty.Synchronise(Timeout);
        pty.Write("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":77},\"id\":\"last\"}");
        Assert.Equal("{\"return\": 77, \"id\": \"last\"}\n", pty.ReadLineContaining("\"last\"", Timeout));
    }

    [Fact]
    public void Port_without_a_host_is_waited_on_without_spinning_and_a_signal_still_ends_the_agent()
    {
        using var pty = new Pty();
        pty.MakeRaw();
        var directory = AgentProcess.NewTempDirectory();
        using var agent = AgentProcess.Launch(directory, ["-m", "virtio-serial", "-p", pty.SlavePath]);
        pty.Synchronise(Timeout);

        // The host side goes away: reads now fail at once (EIO/HUP), as on a virtio port with no host attached.
        pty.CloseMaster();
        var before = CpuTime(agent.Pid);
        System.Threading.Thread.Sleep(2000);
        var used = CpuTime(agent.Pid) - before;
        Assert.False(agent.HasExited);

        // A busy loop would burn about 2 s of CPU here; waiting in poll with qemu-ga's 100 ms pause uses almost none.
        Assert.True(used < TimeSpan.FromSeconds(0.5), $"the agent used {used.TotalMilliseconds} ms of CPU in 2 s without a host");
        agent.Signal(15);
        Assert.Equal(0, agent.WaitForExit(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Missing_port_fails_with_qemu_ga_texts()
    {
        var directory = AgentProcess.NewTempDirectory();
        var path = Path.Combine(directory, "no-such-port");
        using var agent = AgentProcess.Launch(directory, ["-m", "virtio-serial", "-p", path]);
        Assert.Equal(1, agent.WaitForExit(Timeout));
        Assert.Contains("critical: error opening channel '" + path + "': No such file or directory", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("critical: failed to create guest agent channel", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("critical: failed to initialize guest agent channel", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Retry_path_waits_for_the_port_to_appear()
    {
        using var pty = new Pty();
        var directory = AgentProcess.NewTempDirectory();
        var path = Path.Combine(directory, "port");
        using var agent = AgentProcess.Launch(directory, ["-m", "isa-serial", "-p", path, "-r", "-v"]);
        Assert.True(agent.WaitForStderr("waiting for channel path...", Timeout), agent.StandardError);
        Assert.Contains("warning: agent stopped unexpectedly, restarting...", agent.StandardError, StringComparison.Ordinal);

        File.CreateSymbolicLink(path, pty.SlavePath);
        pty.Synchronise(Timeout);
        pty.Write("{\"execute\":\"guest-ping\",\"id\":\"last\"}");
        Assert.Equal("{\"return\": {}, \"id\": \"last\"}\n", pty.ReadLineContaining("\"last\"", Timeout));
    }

    /// <summary>utime + stime of a process, from /proc/PID/stat (clock ticks of 10 ms).</summary>
    private static TimeSpan CpuTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromMilliseconds(ticks * 10);
    }
}
