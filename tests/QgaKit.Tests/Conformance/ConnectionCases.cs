using System.Collections.Generic;
using static QgaKit.Tests.Conformance.Expect;

namespace QgaKit.Tests.Conformance;

/// <summary>Reference 8.3 and 2 (unix-listen): parser state across reconnects, one client at a time, a client
/// that leaves before its reply, a message spread over many writes.</summary>
internal static class ConnectionCases
{
    private const string S83 = "qga-reference 8.3, 1.6, 2";

    public static IEnumerable<ConformanceCase> All()
    {
        // Client A leaves a message open; B's complete requests are swallowed until B sends 0xFF.
        yield return new ConformanceCase("state-survives-reconnect", S83, new Script()
            .Connect("A").Send("A", "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1").Pause(100).Close("A")
            .Connect("B").Send("B", "{\"execute\":\"guest-ping\"}\n").Send("B", "{\"execute\":\"guest-ping\"}\n").Quiet("B", 500)
            .Send("B", "\u00FF{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":9}}\n").Sync("B").Close("B"))
        {
            Recorded = new[] { System.Array.Empty<string>(), new[] { StrayFF, Delimited(Ret("9")) } },
        };

        // A message begun by one client and finished by the next is one message.
        yield return new ConformanceCase("message-spans-reconnect", S83, new Script()
            .Connect("A").Send("A", "{\"execute\":\"guest-sync\",").Pause(100).Close("A")
            .Connect("B").Send("B", "\"arguments\":{\"id\":77}}\n").Sync("B").Close("B"))
        {
            Recorded = new[] { new[] { Ret("77") } },
        };

        // A second client connects (kernel backlog) but is served only after the first leaves.
        yield return new ConformanceCase("second-client-waits", S83, new Script()
            .Connect("A").Connect("B")
            .Send("B", Sync(2) + "\n").Quiet("B", 700)
            .Send("A", Sync(1) + "\n").Sync("A").Close("A")
            .Sync("B").Close("B"))
        {
            Recorded = new[] { System.Array.Empty<string>(), new[] { Ret("1") }, new[] { Ret("2") } },
        };

        // A client that closes before its reply loses that reply only; the next client is served.
        yield return new ConformanceCase("client-leaves-before-reply", S83, new Script()
            .Connect("A").Send("A", "{\"execute\":\"guest-info\"}\n" + Sync(1) + "\n").Close("A")
            .Connect("B").Sync("B").Send("B", Sync(2) + "\n").Sync("B").Close("B"))
        {
            Recorded = new[] { System.Array.Empty<string>(), new[] { Ret("2") } },
        };

        // A client that leaves mid-way through a large reply; the agent carries on.
        yield return new ConformanceCase("client-leaves-mid-stream", S83, new Script()
            .Connect("A").Send("A", string.Concat(System.Linq.Enumerable.Repeat("{\"execute\":\"guest-info\"}", 200))).Close("A")
            .Connect("B").Send("B", "\u00FF" + Sync(3) + "\n").Sync("B").Close("B"))
        {
            Recorded = new[] { new[] { StrayFF, Ret("3") } },
        };

        // Reconnecting after a clean exchange changes nothing.
        yield return new ConformanceCase("reconnect", S83, new Script()
            .Connect("A").Send("A", Sync(1) + "\n").Sync("A").Close("A")
            .Connect("B").Send("B", Sync(2) + "\n").Sync("B").Close("B"))
        {
            Recorded = new[] { new[] { Ret("1") }, new[] { Ret("2") } },
        };

        // One request over many writes (one byte each, with pauses so the agent sees separate reads).
        var bytewise = new Script().Connect();
        foreach (var ch in Sync(5) + "\n")
        {
            bytewise.Send(ch.ToString()).Pause(2);
        }

        yield return new ConformanceCase("one-byte-per-write", "qga-reference 1.1", bytewise.Sync().Close())
        {
            Recorded = new[] { new[] { Ret("5") } },
        };

        // The same request split into two writes at every byte boundary (UTF-8 sequences and escapes included).
        var split = new Script().Connect();
        var expected = new List<string>();
        var request = Wire.Bytes("{'execute':\"guest-sync\",\"arguments\":{\"id\":-42},\"id\":[\"" + Wire.Utf8("é😀") + "\\u00e9\", 1e3]}\n");
        for (var k = 1; k < request.Length; k++)
        {
            split.Send(request[..k]).Pause(3).Send(request[k..]);
            expected.Add(Ret("-42", "[\"\\u00E9\\uD83D\\uDE00\\u00E9\", 1000]"));
        }

        yield return new ConformanceCase("split-at-every-byte", "qga-reference 1.1", split.Sync().Close())
        {
            Recorded = new[] { expected.ToArray() },
        };
    }
}
