using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Net.Sockets;
using System.Threading;

namespace QgaKit.Tests.Conformance;

/// <summary>
/// A host-side client on an agent's unix-listen socket. A background thread drains the socket into reply lines
/// at all times, so a large send never deadlocks against an agent that is busy writing error replies.
/// Every wait has a deadline.
/// </summary>
public sealed class QgaClient : IDisposable
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(120);
    private readonly Socket socket;
    private readonly Thread reader;
    private readonly object gate = new();
    private readonly List<Reply> lines = new();
    private readonly List<byte> partial = new();
    private volatile bool disposed;
    private bool eof;

    private QgaClient(Socket socket, string name)
    {
        this.socket = socket;
        reader = new Thread(ReadLoop) { IsBackground = true, Name = "qga-client " + name };
        reader.Start();
    }

    /// <summary>Connects, retrying while the agent has not created its socket yet.</summary>
    public static QgaClient Connect(string path, TimeSpan timeout, string name = "client", Func<bool>? gaveUp = null)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            try
            {
                s.Connect(new UnixDomainSocketEndPoint(path));
                s.SendTimeout = (int)SendTimeout.TotalMilliseconds;
                s.ReceiveTimeout = 200;
                return new QgaClient(s, name);
            }
            catch (SocketException) when (deadline.Elapsed < timeout && gaveUp?.Invoke() != true)
            {
                s.Dispose();
                Thread.Sleep(10);
            }
            catch
            {
                s.Dispose();
                throw;
            }
        }
    }

    public void Send(byte[] data)
    {
        var sent = 0;
        while (sent < data.Length)
        {
            sent += socket.Send(data, sent, data.Length - sent, SocketFlags.None);
        }
    }

    /// <summary>Replies received so far that nobody has taken yet.</summary>
    public int PendingCount
    {
        get
        {
            lock (gate)
            {
                return lines.Count;
            }
        }
    }

    /// <summary>Takes replies up to and including the first one matching <paramref name="isLast"/>.</summary>
    public List<Reply> TakeThrough(Func<Reply, bool> isLast, TimeSpan timeout)
    {
        var watch = Stopwatch.StartNew();
        var scanned = 0;
        lock (gate)
        {
            while (true)
            {
                for (; scanned < lines.Count; scanned++)
                {
                    if (isLast(lines[scanned]))
                    {
                        var taken = lines.GetRange(0, scanned + 1);
                        lines.RemoveRange(0, scanned + 1);
                        return taken;
                    }
                }

                var left = timeout - watch.Elapsed;
                if (left <= TimeSpan.Zero || eof)
                {
                    throw new TimeoutException(
                        $"{(eof ? "connection closed" : "timed out")} waiting for the end marker; received {lines.Count} line(s): "
                        + Describe(lines) + (partial.Count > 0 ? $" + {partial.Count} bytes without newline" : string.Empty));
                }

                Monitor.Wait(gate, left);
            }
        }
    }

    /// <summary>Takes every reply that arrives until nothing new has come for <paramref name="quiet"/>.</summary>
    public List<Reply> TakeUntilQuiet(TimeSpan quiet, TimeSpan max)
    {
        var watch = Stopwatch.StartNew();
        lock (gate)
        {
            var seen = -1;
            var lastChange = watch.Elapsed;
            while (watch.Elapsed < max && !eof)
            {
                if (lines.Count != seen)
                {
                    seen = lines.Count;
                    lastChange = watch.Elapsed;
                }

                var left = quiet - (watch.Elapsed - lastChange);
                if (left <= TimeSpan.Zero)
                {
                    break;
                }

                Monitor.Wait(gate, left);
            }

            var taken = new List<Reply>(lines);
            lines.Clear();
            return taken;
        }
    }

    public static string Describe(IReadOnlyList<Reply> replies)
    {
        const int Shown = 12;
        var parts = new List<string>();
        for (var i = 0; i < replies.Count && i < Shown; i++)
        {
            var text = replies[i].ToString();
            parts.Add(text.Length > 300 ? text[..300] + $"…({text.Length} chars)" : text);
        }

        if (replies.Count > Shown)
        {
            parts.Add($"… {replies.Count - Shown} more");
        }

        return "[" + string.Join(" | ", parts) + "]";
    }

    private void ReadLoop()
    {
        var buffer = new byte[65536];
        while (!disposed)
        {
            int n;
            try
            {
                n = socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut || e.SocketErrorCode == SocketError.WouldBlock)
            {
                continue;
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException)
            {
                n = 0;
            }

            lock (gate)
            {
                if (n == 0)
                {
                    eof = true;
                    Monitor.PulseAll(gate);
                    return;
                }

                var start = 0;
                for (var i = 0; i < n; i++)
                {
                    if (buffer[i] != (byte)'\n')
                    {
                        continue;
                    }

                    if (partial.Count > 0)
                    {
                        partial.AddRange(buffer.AsSpan(start, i - start));
                        lines.Add(Reply.FromBytes(partial.ToArray()));
                        partial.Clear();
                    }
                    else
                    {
                        lines.Add(Reply.FromBytes(buffer.AsSpan(start, i - start)));
                    }

                    start = i + 1;
                }

                partial.AddRange(buffer.AsSpan(start, n - start));
                Monitor.PulseAll(gate);
            }
        }
    }

    public void Dispose()
    {
        if (disposed)
        {
            return;
        }

        disposed = true;
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (SocketException)
        {
            // The agent may already have gone; closing is all that matters.
        }

        socket.Dispose();
        reader.Join(TimeSpan.FromSeconds(5));
    }
}
