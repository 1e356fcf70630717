using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace QgaKit.Tests.Hosting;

/// <summary>A host-side client of a unix-listen agent; every read has a timeout.</summary>
internal sealed class AgentClient : IDisposable
{
    public static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(10);
    private readonly Socket _socket;
    private readonly StringBuilder _pending = new();

    public AgentClient(string path)
    {
        _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        _socket.Connect(new UnixDomainSocketEndPoint(path));
    }

    public void Send(string text) => Send(Encoding.UTF8.GetBytes(text));

    public void Send(byte[] bytes) => _socket.Send(bytes);

    /// <summary>Reads until <paramref name="lines"/> complete reply lines arrived; Latin-1 text, so 0xFF is '\u00FF'.</summary>
    public string ReadLines(int lines = 1, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? ReplyTimeout);
        var buffer = new byte[65536];
        while (Count(_pending, '\n') < lines)
        {
            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero || !_socket.Poll(left, SelectMode.SelectRead))
            {
                throw new TimeoutException($"no complete reply within the timeout; got '{_pending}'");
            }

            var count = _socket.Receive(buffer);
            if (count == 0)
            {
                throw new EndOfStreamException($"the agent closed the connection; got '{_pending}'");
            }

            _pending.Append(Encoding.Latin1.GetString(buffer, 0, count));
        }

        var text = _pending.ToString();
        var end = 0;
        for (var i = 0; i < lines; i++)
        {
            end = text.IndexOf('\n', end) + 1;
        }

        _pending.Remove(0, end);
        return text[..end];
    }

    /// <summary>True when nothing arrives within <paramref name="wait"/> (used to show a request is held, not answered).</summary>
    public bool NothingArrivesWithin(TimeSpan wait) => _pending.Length == 0 && !_socket.Poll(wait, SelectMode.SelectRead);

    public void Dispose() => _socket.Dispose();

    private static int Count(StringBuilder text, char c)
    {
        var n = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == c)
            {
                n++;
            }
        }

        return n;
    }
}
