using System;
using System.Collections.Generic;
using System.Text;

namespace QgaKit.Tests.Conformance;

/// <summary>
/// What a conformance case does on the wire: connect clients, send exact bytes, pause, close, and collect replies.
/// Replies are collected per step: <see cref="Sync"/> ends a step with a 0xFF + guest-sync-delimited marker and
/// waits for the marker's reply (so no long sleeps); <see cref="Quiet"/> takes whatever arrives until a short quiet
/// period (for steps that must leave the parser mid-message, where a marker would reset it).
/// </summary>
public sealed class Script
{
    internal readonly List<ScriptAction> Actions = new();

    public Script Connect(string client = "A") => Add(new ScriptAction(ActionKind.Connect, client));

    public Script Send(string bytes) => Send("A", bytes);

    public Script Send(byte[] bytes) => Send("A", bytes);

    public Script Send(string client, string bytes) => Send(client, Wire.Bytes(bytes));

    public Script Send(string client, byte[] bytes) => Add(new ScriptAction(ActionKind.Send, client) { Bytes = bytes });

    /// <summary>Ends a step: sends the marker and collects every reply before the marker's own.</summary>
    public Script Sync(string client = "A", int timeoutSeconds = 60) =>
        Add(new ScriptAction(ActionKind.Sync, client) { Milliseconds = timeoutSeconds * 1000 });

    /// <summary>Ends a step with a plain guest-sync marker (no 0xFF, so it does not reset the parser; for agents
    /// started with guest-sync-delimited blocked). Only valid when the step leaves the parser between messages.</summary>
    public Script SyncPlain(string client = "A", int timeoutSeconds = 60) =>
        Add(new ScriptAction(ActionKind.SyncPlain, client) { Milliseconds = timeoutSeconds * 1000 });

    /// <summary>Ends a step: collects replies until none has arrived for <paramref name="quietMs"/>.</summary>
    public Script Quiet(string client = "A", int quietMs = 300) =>
        Add(new ScriptAction(ActionKind.Quiet, client) { Milliseconds = quietMs });

    public Script Pause(int milliseconds) => Add(new ScriptAction(ActionKind.Pause, string.Empty) { Milliseconds = milliseconds });

    public Script Close(string client = "A") => Add(new ScriptAction(ActionKind.Close, client));

    /// <summary>The usual one-step case: connect A, send the bytes, sync, close.</summary>
    public static Script OneStep(string bytes) => new Script().Connect().Send(bytes).Sync().Close();

    public static Script OneStep(byte[] bytes) => new Script().Connect().Send(bytes).Sync().Close();

    /// <summary>Gives every sync step of this script a longer deadline (limit cases are slow on qemu-ga).</summary>
    public Script WithSyncTimeout(int seconds)
    {
        for (var i = 0; i < Actions.Count; i++)
        {
            if (Actions[i].Kind is ActionKind.Sync or ActionKind.SyncPlain)
            {
                Actions[i] = Actions[i] with { Milliseconds = seconds * 1000 };
            }
        }

        return this;
    }

    private Script Add(ScriptAction action)
    {
        Actions.Add(action);
        return this;
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        foreach (var a in Actions)
        {
            sb.Append(a).Append("; ");
        }

        return sb.ToString();
    }
}

internal enum ActionKind
{
    Connect,
    Send,
    Sync,
    SyncPlain,
    Quiet,
    Pause,
    Close,
}

internal sealed record ScriptAction(ActionKind Kind, string Client)
{
    public byte[] Bytes { get; init; } = Array.Empty<byte>();

    public int Milliseconds { get; init; }

    public override string ToString() => Kind switch
    {
        ActionKind.Send => $"{Client} sends {Wire.Repr(Bytes)}",
        ActionKind.Sync => $"{Client} syncs",
        ActionKind.Quiet => $"{Client} reads until {Milliseconds} ms quiet",
        ActionKind.Pause => $"pause {Milliseconds} ms",
        _ => $"{Client} {Kind.ToString().ToLowerInvariant()}s",
    };
}

/// <summary>The replies one step collected on one client.</summary>
public sealed record TranscriptStep(int Index, string Client, string Label, IReadOnlyList<Reply> Replies)
{
    public override string ToString() => $"step {Index} ({Label}) on {Client}: {QgaClient.Describe(Replies)}";
}

/// <summary>Byte helpers: cases are written as C# strings where U+0080..U+00FF stand for single raw bytes, so
/// <c>"\u00FF"</c> is the 0xFF sentinel and <c>"\u00C3"</c> is a lone UTF-8 lead byte; <see cref="Utf8"/>
/// encodes real text.</summary>
public static class Wire
{
    public static byte[] Bytes(string latin1) => Encoding.Latin1.GetBytes(latin1);

    public static string Utf8(string text) => Encoding.Latin1.GetString(Encoding.UTF8.GetBytes(text));

    /// <summary>Python-repr-like rendering, shortened for huge inputs.</summary>
    public static string Repr(byte[] bytes)
    {
        var sb = new StringBuilder("b'");
        var limit = Math.Min(bytes.Length, 200);
        for (var i = 0; i < limit; i++)
        {
            var b = bytes[i];
            sb.Append(b switch
            {
                (byte)'\n' => "\\n",
                (byte)'\r' => "\\r",
                (byte)'\t' => "\\t",
                (byte)'\\' => "\\\\",
                (byte)'\'' => "\\'",
                < 0x20 or >= 0x7F => $"\\x{b:x2}",
                _ => ((char)b).ToString(),
            });
        }

        sb.Append('\'');
        if (bytes.Length > limit)
        {
            sb.Append($"…({bytes.Length} bytes)");
        }

        return sb.ToString();
    }
}
