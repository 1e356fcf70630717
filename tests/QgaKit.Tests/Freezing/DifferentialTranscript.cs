using System.Collections.Generic;
using System.Linq;
using System.Text.Json;

namespace QgaKit.Tests.Freezing;

/// <summary>What one agent did in a differential scenario: requests, replies and hook runs, in order.</summary>
internal sealed class DifferentialTranscript(DifferentialSetup setup, DifferentialAgent agent)
{
    public List<string> Lines { get; } = new();

    public DifferentialAgent Agent { get; set; } = agent;

    /// <summary>Sends <paramref name="json"/>, records request and reply, then the hook lines it caused.</summary>
    public string Send(string json)
    {
        var reply = Agent.Request(json);
        Lines.Add("> " + setup.Normalize(json));
        Lines.Add("< " + setup.Normalize(reply));
        Lines.AddRange(setup.NewHookLines());
        return reply;
    }

    /// <summary>guest-info reduced to the names of the enabled commands (the two agents have different command sets).</summary>
    public void SendInfoEnabled()
    {
        var reply = Agent.Request("{\"execute\": \"guest-info\"}");
        using var document = JsonDocument.Parse(reply);
        var commands = document.RootElement.GetProperty("return").GetProperty("supported_commands").EnumerateArray().ToList();
        var enabled = commands
            .Where(c => c.GetProperty("enabled").GetBoolean())
            .Select(c => c.GetProperty("name").GetString())
            .Order(System.StringComparer.Ordinal);

        // The order of the commands both agents have: guest-info lists in reverse registration (schema) order.
        string[] shared = ["guest-sync-delimited", "guest-sync", "guest-ping", "guest-info", "guest-fsfreeze-status", "guest-fsfreeze-freeze", "guest-fsfreeze-freeze-list", "guest-fsfreeze-thaw"];
        var order = commands.Select(c => c.GetProperty("name").GetString()).Where(n => shared.Contains(n));
        Lines.Add("> guest-info");
        Lines.Add("< enabled: " + string.Join(' ', enabled));
        Lines.Add("< order: " + string.Join(' ', order));
    }

    public void Note(string line) => Lines.Add("# " + setup.Normalize(line));
}
