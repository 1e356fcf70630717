using System;
using Xunit;

namespace QgaKit.Tests.Hosting;

/// <summary>SIGTERM/SIGINT end the thawed agent at once with status 0 (qemu-ga's quit_handler).</summary>
public class AgentSignalTests
{
    private const int SIGINT = 2;
    private const int SIGTERM = 15;

    [Theory]
    [InlineData(SIGTERM)]
    [InlineData(SIGINT)]
    public void Signal_exits_0_when_thawed(int signal)
    {
        using var agent = AgentProcess.Start();
        agent.Signal(signal);
        Assert.Equal(0, agent.WaitForExit(TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public void Signal_exits_0_while_a_client_is_connected()
    {
        using var agent = AgentProcess.Start();
        using var client = new AgentClient(agent.SocketPath);
        client.Send("{\"execute\":\"guest-ping\"}");
        Assert.Equal("{\"return\": {}}\n", client.ReadLines());
        agent.Signal(SIGTERM);
        Assert.Equal(0, agent.WaitForExit(TimeSpan.FromSeconds(20)));
    }
}
