using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Text;
using QgaKit.Tests.Hosting;
using Xunit;

namespace QgaKit.Tests.Transports;

/// <summary>systemd socket activation: LISTEN_PID/LISTEN_FDS and fd 3, as systemd passes them (set up by bash).</summary>
public unsafe partial class SocketActivationTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    [Fact]
    public void Activated_unix_socket_is_served_and_method_and_path_are_ignored()
    {
        var directory = AgentProcess.NewTempDirectory();
        var path = Path.Combine(directory, "activated.sock");
        var fd = ListeningUnixSocket(path);
        AgentProcess agent;
        try
        {
            agent = AgentProcess.Launch(
                directory,
                ["-m", "isa-serial", "-p", Path.Combine(directory, "ignored")],
                $"exec 3<&{fd} {fd}<&-; export LISTEN_FDS=1 LISTEN_PID=$$");
        }
        finally
        {
            _ = close(fd);
        }

        using (agent)
        {
            using var client = new AgentClient(path);
            client.Send("{\"execute\":\"guest-ping\",\"id\":1}");
            Assert.Equal("{\"return\": {}, \"id\": 1}\n", client.ReadLines(1, Timeout));
        }
    }

    [Fact]
    public void More_than_one_socket_is_refused()
    {
        var directory = AgentProcess.NewTempDirectory();
        using var agent = AgentProcess.Launch(directory, ["-m", "unix-listen", "-p", Path.Combine(directory, "sock")], "export LISTEN_FDS=2 LISTEN_PID=$$");
        Assert.Equal(1, agent.WaitForExit(Timeout));
        Assert.Contains("qemu-ga only supports listening on one socket", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void A_descriptor_that_is_not_a_socket_is_refused()
    {
        var directory = AgentProcess.NewTempDirectory();
        using var agent = AgentProcess.Launch(directory, ["-m", "unix-listen", "-p", Path.Combine(directory, "sock")], "exec 3</dev/null; export LISTEN_FDS=1 LISTEN_PID=$$");
        Assert.Equal(1, agent.WaitForExit(Timeout));
        Assert.Contains("unsupported listen fd type", agent.StandardError, StringComparison.Ordinal);
    }

    [Fact]
    public void Fds_meant_for_another_process_are_not_taken()
    {
        var directory = AgentProcess.NewTempDirectory();
        using var agent = AgentProcess.Launch(directory, ["-m", "unix-listen", "-p", Path.Combine(directory, "sock")], "export LISTEN_FDS=2 LISTEN_PID=1");
        using var client = WaitForClient(Path.Combine(directory, "sock"));
        client.Send("{\"execute\":\"guest-ping\"}");
        Assert.Equal("{\"return\": {}}\n", client.ReadLines(1, Timeout));
    }

    private static AgentClient WaitForClient(string path)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            try
            {
                return new AgentClient(path);
            }
            catch (System.Net.Sockets.SocketException) when (DateTime.UtcNow < deadline)
            {
                System.Threading.Thread.Sleep(100);
            }
        }
    }

    /// <summary>A listening AF_UNIX socket that a child process inherits (no close-on-exec).</summary>
    private static int ListeningUnixSocket(string path)
    {
        var fd = socket(1, 1, 0);
        var address = stackalloc byte[110];
        new Span<byte>(address, 110).Clear();
        *(ushort*)address = 1;
        Encoding.UTF8.GetBytes(path).CopyTo(new Span<byte>(address + 2, 107));
        if (fd < 0 || bind(fd, address, 110) != 0 || listen(fd, 1) != 0)
        {
            throw new InvalidOperationException("listening socket: " + Marshal.GetLastPInvokeErrorMessage());
        }

        Assert.NotEqual(3, fd);
        return fd;
    }

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int socket(int domain, int type, int protocol);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int bind(int fd, byte* address, int length);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int listen(int fd, int backlog);

    [LibraryImport("libc.so.6")]
    private static partial int close(int fd);
}
