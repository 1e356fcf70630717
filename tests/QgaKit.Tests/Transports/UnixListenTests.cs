using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using QgaKit.Tests.Hosting;
using Xunit;

namespace QgaKit.Tests.Transports;

/// <summary>unix-listen end to end with the built sample agent as a real process (reference 2 and 8.3).</summary>
public class UnixListenTests
{
    private const string Ping = "{\"execute\":\"guest-ping\"}\n";
    private const string Pong = "{\"return\": {}}\n";

    [Fact]
    public void Answers_ping_over_the_socket()
    {
        using var agent = AgentProcess.Start();
        using var client = new AgentClient(agent.SocketPath);
        client.Send(Ping);
        Assert.Equal(Pong, client.ReadLines());
        client.Send("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":5678}}");
        Assert.Equal("\u00FF{\"return\": 5678}\n", client.ReadLines());
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void Socket_file_has_mode_0600()
    {
        using var agent = AgentProcess.Start();
        var mode = File.GetUnixFileMode(agent.SocketPath);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, mode);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Stale_file_at_the_socket_path_is_unlinked(bool socketFile)
    {
        var directory = AgentProcess.NewTempDirectory();
        var path = Path.Combine(directory, "sock");
        if (socketFile)
        {
            StaleSocket.Create(path);
        }
        else
        {
            File.WriteAllText(path, "not a socket");
        }

        Assert.True(File.Exists(path));
        using var agent = AgentProcess.Start(directory);
        using var client = new AgentClient(agent.SocketPath);
        client.Send(Ping);
        Assert.Equal(Pong, client.ReadLines());
    }

    [Fact]
    public void Serves_one_client_at_a_time_and_the_next_after_a_disconnect()
    {
        using var agent = AgentProcess.Start();
        using var first = new AgentClient(agent.SocketPath);
        first.Send(Ping);
        Assert.Equal(Pong, first.ReadLines());

        // The second connect succeeds through the kernel backlog, but its request waits for the first client.
        using var second = new AgentClient(agent.SocketPath);
        second.Send("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":2}}\n");
        Assert.True(second.NothingArrivesWithin(TimeSpan.FromSeconds(1)));
        first.Send(Ping);
        Assert.Equal(Pong, first.ReadLines());

        first.Dispose();
        Assert.Equal("{\"return\": 2}\n", second.ReadLines());
    }

    [Fact]
    public void Parser_state_survives_a_reconnect_until_0xFF()
    {
        using var agent = AgentProcess.Start();
        using (var first = new AgentClient(agent.SocketPath))
        {
            first.Send("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1");
        }

        // As in qemu-ga, the first client's open braces swallow the next client's requests...
        using var second = new AgentClient(agent.SocketPath);
        second.Send(Ping);
        second.Send(Ping);
        Assert.True(second.NothingArrivesWithin(TimeSpan.FromSeconds(1)));

        // ...until a 0xFF resets the parser.
        second.Send([0xFF, .. Encoding.UTF8.GetBytes("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":9}}\n")]);
        Assert.Equal(
            "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}\n\u00FF{\"return\": 9}\n",
            second.ReadLines(2));
    }

    [Fact]
    public void A_client_that_leaves_before_its_reply_loses_only_that_reply()
    {
        using var agent = AgentProcess.Start();
        for (var i = 0; i < 20; i++)
        {
            using var leaving = new AgentClient(agent.SocketPath);
            leaving.Send("{\"execute\":\"guest-info\"}{\"execute\":\"guest-info\"}{\"execute\":\"guest-info\"}");
        }

        using var client = new AgentClient(agent.SocketPath);
        client.Send(Encoding.UTF8.GetBytes("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":77}}"));
        Assert.Equal("{\"return\": 77}\n", client.ReadLines());
        Assert.False(agent.HasExited);
    }

    [Fact]
    public void Set_up_failures_use_qemu_ga_texts()
    {
        var directory = AgentProcess.NewTempDirectory();
        try
        {
            var missing = Path.Combine(directory, "missing", "sock");
            AssertFails(directory, missing, "critical: Failed to bind socket to " + missing + ": No such file or directory");

            var isDirectory = Path.Combine(directory, "dir");
            Directory.CreateDirectory(isDirectory);
            AssertFails(directory, isDirectory, "critical: Failed to unlink socket " + isDirectory + ": Is a directory");

            var tooLong = Path.Combine(directory, new string('x', 120));
            AssertFails(directory, tooLong, "critical: UNIX socket path '" + tooLong + "' is too long");
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static void AssertFails(string directory, string path, string expected)
    {
        var run = Path.Combine(directory, "run-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(run);
        using var agent = AgentProcess.Launch(run, ["-m", "unix-listen", "-p", path]);
        Assert.Equal(1, agent.WaitForExit(TimeSpan.FromSeconds(30)));
        Assert.Contains(expected, agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("critical: failed to create guest agent channel", agent.StandardError, StringComparison.Ordinal);
        Assert.Contains("critical: failed to initialize guest agent channel", agent.StandardError, StringComparison.Ordinal);
    }
}
