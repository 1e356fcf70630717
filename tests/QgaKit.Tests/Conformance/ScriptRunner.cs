using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;

namespace QgaKit.Tests.Conformance;

/// <summary>Plays a <see cref="Script"/> against one agent process and records what each step received.</summary>
public static class ScriptRunner
{
    /// <summary>The reply every 0xFF byte earns (reference 1.5); the marker's own 0xFF produces one.</summary>
    public const string StrayFF = "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}";

    private const int MarkerBase = 880_000;

    public static List<TranscriptStep> Run(AgentProcess agent, Script script)
    {
        var clients = new Dictionary<string, QgaClient>();
        var steps = new List<TranscriptStep>();
        var marker = MarkerBase;
        var sentSinceStep = new List<byte>();
        try
        {
            foreach (var action in script.Actions)
            {
                switch (action.Kind)
                {
                    case ActionKind.Connect:
                        clients[action.Client] = agent.Connect(action.Client);
                        break;
                    case ActionKind.Send:
                        clients[action.Client].Send(action.Bytes);
                        sentSinceStep.AddRange(action.Bytes);
                        break;
                    case ActionKind.Pause:
                        Thread.Sleep(action.Milliseconds);
                        break;
                    case ActionKind.Close:
                        clients[action.Client].Dispose();
                        clients.Remove(action.Client);
                        break;
                    case ActionKind.Quiet:
                        steps.Add(new TranscriptStep(steps.Count, action.Client, "quiet after " + Wire.Repr(Take(sentSinceStep)),
                            clients[action.Client].TakeUntilQuiet(TimeSpan.FromMilliseconds(action.Milliseconds), TimeSpan.FromSeconds(60))));
                        break;
                    case ActionKind.Sync:
                        steps.Add(new TranscriptStep(steps.Count, action.Client, "sync after " + Wire.Repr(Take(sentSinceStep)),
                            SyncStep(agent, clients[action.Client], ++marker, TimeSpan.FromMilliseconds(action.Milliseconds))));
                        break;
                    case ActionKind.SyncPlain:
                        steps.Add(new TranscriptStep(steps.Count, action.Client, "plain sync after " + Wire.Repr(Take(sentSinceStep)),
                            PlainSyncStep(agent, clients[action.Client], ++marker, TimeSpan.FromMilliseconds(action.Milliseconds))));
                        break;
                    default:
                        throw new InvalidOperationException(action.Kind.ToString());
                }
            }
        }
        finally
        {
            foreach (var c in clients.Values)
            {
                c.Dispose();
            }
        }

        return steps;
    }

    private static byte[] Take(List<byte> bytes)
    {
        var taken = bytes.ToArray();
        bytes.Clear();
        return taken;
    }

    private static List<Reply> SyncStep(AgentProcess agent, QgaClient client, int id, TimeSpan timeout)
    {
        client.Send(Wire.Bytes("\u00FF{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":" + id + "}}\n"));
        List<Reply> replies;
        try
        {
            replies = client.TakeThrough(r => IsMarkerReply(r, id), timeout);
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; {agent.Describe()}", e);
        }

        var markerReply = replies[^1];
        replies.RemoveAt(replies.Count - 1);
        if (replies.Count > 0 && JsonEquals(replies[^1].Text, StrayFF) && !replies[^1].Delimited)
        {
            replies.RemoveAt(replies.Count - 1);
        }
        else
        {
            // Keep the anomaly visible in the comparison instead of hiding it.
            replies.Add(new Reply(false, "<no stray-0xFF error before the sync marker's reply>"));
        }

        if (!markerReply.Delimited)
        {
            replies.Add(new Reply(false, "<guest-sync-delimited reply without its 0xFF sentinel>"));
        }

        return replies;
    }

    private static List<Reply> PlainSyncStep(AgentProcess agent, QgaClient client, int id, TimeSpan timeout)
    {
        client.Send(Wire.Bytes("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":" + id + "}}\n"));
        try
        {
            var replies = client.TakeThrough(r => IsMarkerReply(r, id), timeout);
            replies.RemoveAt(replies.Count - 1);
            return replies;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"{e.Message}; {agent.Describe()}", e);
        }
    }

    private static bool IsMarkerReply(Reply r, int id)
    {
        if (!r.Text.Contains(id.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            return false;
        }

        return JsonEquals(r.Text, "{\"return\": " + id + "}");
    }

    private static bool JsonEquals(string a, string b)
    {
        try
        {
            using var da = JsonDocument.Parse(a);
            using var db = JsonDocument.Parse(b);
            return JsonValueComparer.Equal(da.RootElement, db.RootElement, out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
