using System.IO;
using System.Threading;
using QgaKit.Dispatch;
using QgaKit.Hosting;
using QgaKit.Logging;
using Xunit;

namespace QgaKit.Tests.Hosting;

/// <summary>The SIGTERM/SIGINT decision: stop at once when thawed, defer to the next thaw while frozen.</summary>
public class AgentShutdownTests
{
    [Fact]
    public void Stop_request_when_thawed_stops_at_once()
    {
        var frozen = new FrozenState();
        using var stop = new CancellationTokenSource();
        using var signals = new ShutdownSignals(frozen, new AgentLogger(), stop);
        signals.RequestStop(15);
        Assert.True(stop.IsCancellationRequested);
        Assert.False(signals.ExitAfterReply);
    }

    [Fact]
    public void Stop_request_while_frozen_waits_for_the_thaw()
    {
        var frozen = new FrozenState();
        frozen.Enter();
        using var stop = new CancellationTokenSource();
        using var signals = new ShutdownSignals(frozen, new AgentLogger(), stop);
        signals.RequestStop(2);
        Assert.False(stop.IsCancellationRequested);
        Assert.False(signals.ExitAfterReply);

        frozen.Leave();
        Assert.True(signals.ExitAfterReply);
        Assert.False(stop.IsCancellationRequested);
    }

    [Fact]
    public void Thaw_without_a_pending_signal_does_not_stop()
    {
        var frozen = new FrozenState();
        frozen.Enter();
        using var stop = new CancellationTokenSource();
        using var signals = new ShutdownSignals(frozen, new AgentLogger(), stop);
        frozen.Leave();
        Assert.False(signals.ExitAfterReply);
    }

    [Fact]
    public void Agent_that_starts_frozen_defers_SIGTERM()
    {
        var directory = AgentProcess.NewTempDirectory();

        // A previous instance's state file: the agent comes up frozen (qemu-ga's check_is_frozen) without touching
        // any filesystem. The test never thaws (a thaw would walk this machine's mounts); cleanup kills the agent.
        File.WriteAllBytes(Path.Combine(directory, "qga.state.isfrozen"), []);
        using var agent = AgentProcess.Start(directory, "-v");
        using var client = new AgentClient(agent.SocketPath);
        client.Send("{\"execute\":\"guest-fsfreeze-status\"}");
        Assert.Equal("{\"return\": \"frozen\"}\n", client.ReadLines());

        // Held log lines are not visible while frozen, so show the deferral by the agent still answering: a
        // stopped agent would close the connection.
        agent.Signal(15);
        for (var i = 0; i < 10; i++)
        {
            Thread.Sleep(100);
            client.Send("{\"execute\":\"guest-ping\"}");
            Assert.Equal("{\"return\": {}}\n", client.ReadLines());
        }

        Assert.False(agent.HasExited);
    }
}
