using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace QgaAgent1.Tests;

/// <summary>Starts the real agent on a unix socket and talks to it as a host would.</summary>
public sealed class AgentTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly string _dir = Directory.CreateTempSubdirectory("QgaAgent1-test-").FullName;
    private readonly Process _agent;

    public AgentTests()
    {
        var socketPath = Path.Combine(_dir, "agent.sock");
        // The agent project builds next to this one: ../bin/<Configuration>/net10.0/QgaAgent1.dll.
        var testBin = AppContext.BaseDirectory.TrimEnd('/');
        var configuration = Path.GetFileName(Path.GetDirectoryName(testBin))!;
        var agentDll = Path.Combine(testBin, "..", "..", "..", "..", "bin", configuration, "net10.0", "QgaAgent1.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in new[] { Path.GetFullPath(agentDll), "-m", "unix-listen", "-p", socketPath, "-t", _dir })
        {
            start.ArgumentList.Add(arg);
        }

        _agent = Process.Start(start)!;
        Socket = Connect(socketPath);
    }

    private Socket Socket { get; }

    [Fact]
    public void Ping_answers_an_empty_return() => Assert.Equal("{\"return\": {}}", Call("{\"execute\":\"guest-ping\"}"));

    [Fact]
    public void Info_lists_this_agents_command()
        => Assert.Contains("\"name\": \"guest-app-quiesce\"", Call("{\"execute\":\"guest-info\"}"), StringComparison.Ordinal);

    [Fact]
    public void App_quiesce_without_a_configured_hook_runs_nothing_and_says_which_action()
        => Assert.Equal("{\"return\": {\"action\": \"resume\"}}",
            Call("{\"execute\":\"guest-app-quiesce\",\"arguments\":{\"action\":\"resume\"}}"));

    [Fact]
    public void A_bad_argument_gets_qemu_gas_error_text()
        => Assert.Equal("{\"error\": {\"class\": \"GenericError\", \"desc\": \"Parameter 'action' does not accept value 'nap'\"}}",
            Call("{\"execute\":\"guest-app-quiesce\",\"arguments\":{\"action\":\"nap\"}}"));

    public void Dispose()
    {
        Socket.Dispose();
        if (!_agent.HasExited)
        {
            _agent.Kill();
            _agent.WaitForExit(10_000);
        }

        _agent.Dispose();
        Directory.Delete(_dir, recursive: true);
    }

    private static Socket Connect(string path)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified) { ReceiveTimeout = (int)Timeout.TotalMilliseconds };
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(path));
                return socket;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                socket.Dispose();
                Thread.Sleep(100);
            }
        }
    }

    /// <summary>Sends one request and returns the reply line (without its newline).</summary>
    private string Call(string request)
    {
        Socket.Send(Encoding.UTF8.GetBytes(request + "\n"));
        var reply = new List<byte>();
        var buffer = new byte[4096];
        while (!reply.Contains((byte)'\n'))
        {
            var n = Socket.Receive(buffer); // ReceiveTimeout bounds every read
            if (n == 0)
            {
                throw new IOException("the agent closed the connection");
            }

            reply.AddRange(buffer.AsSpan(0, n).ToArray());
        }

        return Encoding.UTF8.GetString(reply.ToArray()).TrimEnd('\n');
    }
}
