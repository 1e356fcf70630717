using System;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Dispatch;
using QgaKit.Json;
using QgaKit.Logging;
using QgaKit.Transports;

namespace QgaKit.Hosting;

/// <summary>
/// qemu-ga's main loop: read up to 4096 bytes, feed the one stream parser, answer every complete message in order,
/// strictly one at a time. The parser lives as long as the agent: a client's half-sent request is still pending
/// when the next client connects (qemu-ga's behaviour, which is why hosts send 0xFF + guest-sync-delimited).
/// </summary>
internal sealed class AgentLoop
{
    /// <summary>qemu-ga's <c>QGA_READ_COUNT_DEFAULT</c>.</summary>
    private const int ReadSize = 4096;

    private readonly JsonStreamParser _parser = new();
    private readonly byte[] _buffer = new byte[ReadSize];
    private readonly Dispatcher _dispatcher;
    private readonly AgentLogger _logger;
    private readonly Func<bool> _exitAfterReply;

    public AgentLoop(Dispatcher dispatcher, AgentLogger logger, Func<bool> exitAfterReply)
    {
        _dispatcher = dispatcher;
        _logger = logger;
        _exitAfterReply = exitAfterReply;
    }

    /// <summary>Serves clients until <paramref name="stop"/> is cancelled (returns normally) or the transport
    /// fails (throws; the caller decides between exiting and <c>--retry-path</c>).</summary>
    public async Task RunAsync(IQgaTransport transport, CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var channel = await transport.AcceptAsync(stop).ConfigureAwait(false);
            using (channel)
            {
                if (!await ServeAsync(channel, stop).ConfigureAwait(false))
                {
                    return;
                }
            }
        }
    }

    /// <summary>Serves one channel until its peer goes; false when the agent must stop.</summary>
    private async Task<bool> ServeAsync(IQgaChannel channel, CancellationToken stop)
    {
        // After a failed write the peer is gone, but like qemu-ga we keep reading what it sent until end of input:
        // its remaining requests are parsed and served with their replies dropped, so the parser is left where
        // qemu-ga's would be (not in the middle of a request cut at a read boundary) for the next client.
        var peerGone = false;
        while (true)
        {
            int count;
            try
            {
                count = await channel.ReadAsync(_buffer, stop).ConfigureAwait(false);
            }
            catch (IOException) when (peerGone)
            {
                count = 0;
            }

            if (count == 0)
            {
                _logger.Debug(AgentTexts.ReceivedEof);
                return true;
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.Debug(AgentTexts.ReadData(count, Encoding.UTF8.GetString(_buffer, 0, count)));
            }

            _parser.Append(_buffer.AsSpan(0, count));
            while (_parser.TryRead(out var result))
            {
                if (_logger.IsEnabled(LogLevel.Debug))
                {
                    _logger.Debug(AgentTexts.ProcessEventCalled);
                    if (result.Kind == JsonReadKind.Error)
                    {
                        _logger.Warning(AgentTexts.FailedToParseEvent(result.Error ?? string.Empty));
                    }
                    else
                    {
                        _logger.Debug(AgentTexts.ProcessingCommand);
                    }
                }

                var reply = await _dispatcher.DispatchAsync(result, stop).ConfigureAwait(false);
                if (!reply.IsEmpty && !peerGone)
                {
                    if (_logger.IsEnabled(LogLevel.Debug))
                    {
                        _logger.Debug(AgentTexts.SendingData(reply.Length));
                    }

                    try
                    {
                        await channel.WriteAsync(reply, stop).ConfigureAwait(false);
                    }
                    catch (IOException e)
                    {
                        // The client left before its reply: that reply is lost, nothing else (qemu-ga logs
                        // "error flushing channel" and goes on). Requests already read are still served,
                        // as qemu-ga does, because they were handed to the parser together.
                        _logger.Warning(AgentTexts.ErrorSendingResponse(e.Message));
                        peerGone = true;
                    }
                }

                if (_exitAfterReply())
                {
                    return false;
                }
            }
        }
    }
}
