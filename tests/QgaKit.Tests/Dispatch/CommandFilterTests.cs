using Xunit;
using static QgaKit.Tests.Protocol.RequestValidationTests;

namespace QgaKit.Tests.Dispatch;

/// <summary>Block list, allow list and frozen filter (reference 3.6; choices in docs/compatibility.md).</summary>
public class CommandFilterTests
{
    private const string Ping = "{\"execute\":\"guest-ping\"}";
    private const string Time = "{\"execute\":\"guest-get-time\"}";
    private const string Pong = "{\"return\": {}}\n";

    [Fact]
    public void Blocked_command_is_disabled_without_a_reason()
    {
        var agent = new DispatchHarness(TestCommands.Register, blocked: ["guest-ping", "no-such-command"]);
        Assert.Equal(Error("CommandNotFound", "Command guest-ping has been disabled"), agent.Send(Ping));
        Assert.Equal("{\"return\": 1}\n", agent.Send(Time));
    }

    [Fact]
    public void Allow_list_denies_everything_it_does_not_name()
    {
        var agent = new DispatchHarness(TestCommands.Register, allowed: ["guest-get-time"]);
        Assert.Equal(Error("CommandNotFound", "Command guest-ping has been disabled"), agent.Send(Ping));
        Assert.Equal("{\"return\": 1}\n", agent.Send(Time));
    }

    [Fact]
    public void Block_list_wins_over_allow_list()
    {
        var agent = new DispatchHarness(TestCommands.Register, blocked: ["guest-get-time"], allowed: ["guest-get-time", "guest-ping"]);
        Assert.Equal(Error("CommandNotFound", "Command guest-get-time has been disabled"), agent.Send(Time));
        Assert.Equal(Pong, agent.Send(Ping));
    }

    [Fact]
    public void Unknown_commands_stay_not_found_when_filtered()
    {
        var agent = new DispatchHarness(TestCommands.Register, allowed: ["guest-ping"]);
        agent.Frozen.Enter();
        Assert.Equal(Error("CommandNotFound", "The command guest-nope has not been found"), agent.Send("{\"execute\":\"guest-nope\"}"));
    }

    [Fact]
    public void Frozen_agent_runs_only_the_freeze_allow_list_and_AllowedWhileFrozen_commands()
    {
        var agent = new DispatchHarness(TestCommands.Register);
        agent.Frozen.Enter();
        Assert.Equal(Pong, agent.Send(Ping));
        Assert.Equal("{\"return\": 3}\n", agent.Send("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":3}}"));
        Assert.Equal("\u00FF{\"return\": 3}\n", agent.Send("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":3}}"));
        Assert.Equal("{\"return\": \"thawed\"}\n", agent.Send("{\"execute\":\"guest-fsfreeze-status\"}"));
        Assert.Equal(Pong, agent.Send("{\"execute\":\"test-frozen-ok\"}"));
        Assert.StartsWith("{\"return\": {\"version\": ", agent.Send("{\"execute\":\"guest-info\"}"), System.StringComparison.Ordinal);
        Assert.Equal(Error("CommandNotFound", "Command guest-get-time has been disabled: the agent is in frozen state"), agent.Send(Time));
        Assert.Equal(Error("CommandNotFound", "Command test-bug has been disabled: the agent is in frozen state"), agent.Send("{\"execute\":\"test-bug\"}"));
    }

    [Fact]
    public void Thaw_enables_the_commands_again()
    {
        var agent = new DispatchHarness(TestCommands.Register);
        agent.Frozen.Enter();
        agent.Frozen.Leave();
        Assert.Equal("{\"return\": 1}\n", agent.Send(Time));
    }

    [Fact]
    public void Blocked_command_stays_blocked_while_frozen_even_on_the_allow_list()
    {
        var agent = new DispatchHarness(TestCommands.Register, blocked: ["guest-ping", "guest-get-time"]);
        agent.Frozen.Enter();
        Assert.Equal(Error("CommandNotFound", "Command guest-ping has been disabled"), agent.Send(Ping));
        Assert.Equal(Error("CommandNotFound", "Command guest-get-time has been disabled: the agent is in frozen state"), agent.Send(Time));
    }

    [Fact]
    public void Blocked_command_has_no_stale_frozen_reason_after_thaw()
    {
        var agent = new DispatchHarness(TestCommands.Register, blocked: ["guest-get-time"]);
        agent.Frozen.Enter();
        agent.Frozen.Leave();
        Assert.Equal(Error("CommandNotFound", "Command guest-get-time has been disabled"), agent.Send(Time));
    }

    [Fact]
    public void Start_up_in_frozen_state_applies_the_frozen_filter_at_once()
    {
        var table = new QgaKit.Dispatch.CommandTable();
        TestCommands.Register(table);
        var frozen = new QgaKit.Dispatch.FrozenState();
        frozen.Enter();
        _ = new QgaKit.Dispatch.CommandFilter(table, frozen, [], null);
        Assert.False(table.IsEnabled("guest-get-time"));
        Assert.True(table.IsEnabled("guest-fsfreeze-status"));
        Assert.True(table.IsEnabled("test-frozen-ok"));
    }
}
