using System.Linq;
using System.Text.Json;
using QgaKit.Commands;
using Xunit;

namespace QgaKit.Tests.Dispatch;

/// <summary>guest-info: version, reverse registration order, live enabled flags, success-response (reference 1.7).</summary>
public class GuestInfoTests
{
    private const string Info = "{\"execute\":\"guest-info\"}";

    [Fact]
    public void Lists_commands_in_reverse_registration_order_with_qemu_ga_key_order()
    {
        var agent = new DispatchHarness(TestCommands.Register);
        var reply = agent.Send(Info);
        Assert.StartsWith("{\"return\": {\"version\": \"" + AgentVersion.Text + "\", \"supported_commands\": [{\"enabled\": true, \"name\": \"guest-get-time\", \"success-response\": true}, ", reply, System.StringComparison.Ordinal);
        Assert.EndsWith("{\"enabled\": true, \"name\": \"guest-ping\", \"success-response\": true}, {\"enabled\": true, \"name\": \"guest-sync\", \"success-response\": true}, {\"enabled\": true, \"name\": \"guest-sync-delimited\", \"success-response\": true}]}}\n", reply, System.StringComparison.Ordinal);
        var names = Commands(reply).Select(c => c.GetProperty("name").GetString()).ToArray();
        var registered = agent.Table.Commands.Select(c => c.Name).Reverse().ToArray();
        Assert.Equal(registered, names);
    }

    [Fact]
    public void Shows_success_response_false()
    {
        var agent = new DispatchHarness(TestCommands.Register);
        var entry = Commands(agent.Send(Info)).Single(c => c.GetProperty("name").GetString() == "test-no-reply");
        Assert.False(entry.GetProperty("success-response").GetBoolean());
    }

    [Fact]
    public void Enabled_flags_are_live()
    {
        var agent = new DispatchHarness(TestCommands.Register, blocked: ["guest-get-time"]);
        Assert.Equal(["guest-get-time"], Disabled(agent.Send(Info)));

        agent.Frozen.Enter();
        var enabledWhileFrozen = Commands(agent.Send(Info)).Where(c => c.GetProperty("enabled").GetBoolean()).Select(c => c.GetProperty("name").GetString()!).Order(System.StringComparer.Ordinal).ToArray();
        Assert.Equal(["guest-fsfreeze-status", "guest-info", "guest-ping", "guest-sync", "guest-sync-delimited", "test-frozen-ok"], enabledWhileFrozen);

        agent.Frozen.Leave();
        Assert.Equal(["guest-get-time"], Disabled(agent.Send(Info)));
    }

    private static string[] Disabled(string reply)
        => Commands(reply).Where(c => !c.GetProperty("enabled").GetBoolean()).Select(c => c.GetProperty("name").GetString()!).ToArray();

    private static JsonElement[] Commands(string reply)
    {
        using var document = JsonDocument.Parse(reply);
        return document.RootElement.GetProperty("return").GetProperty("supported_commands").EnumerateArray().Select(e => e.Clone()).ToArray();
    }
}
