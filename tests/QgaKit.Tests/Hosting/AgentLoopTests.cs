using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Hosting;
using QgaKit.Logging;
using QgaKit.Tests.Dispatch;
using QgaKit.Transports;
using Xunit;

namespace QgaKit.Tests.Hosting;

/// <summary>The agent loop with in-memory channels: reconnects, lost replies, and the allocation-free steady state.</summary>
public class AgentLoopTests
{
    private static readonly byte[] Ping = Encoding.UTF8.GetBytes("{\"execute\":\"guest-ping\"}");

    [Fact]
    public void Parser_state_carries_over_to_the_next_client()
    {
        var first = new ScriptedChannel(Encoding.UTF8.GetBytes("{\"execute\":\"guest-sync\",\"arguments\":"));
        var second = new ScriptedChannel(Encoding.UTF8.GetBytes("{\"id\":4}}"));
        Run(first, second);
        Assert.Equal(string.Empty, first.Written);
        Assert.Equal("{\"return\": 4}\n", second.Written);
    }

    [Fact]
    public void A_failed_write_loses_that_reply_only()
    {
        var leaving = new ScriptedChannel(Encoding.UTF8.GetBytes("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":1}}")) { FailWrites = true };
        var next = new ScriptedChannel(Encoding.UTF8.GetBytes("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":2}}"));
        Run(leaving, next);
        Assert.Equal("{\"return\": 2}\n", next.Written);
    }

    [Fact]
    public void Steady_state_requests_allocate_nothing()
    {
        // Two runs that differ only in the number of requests: the per-connection cost cancels out.
        var small = MeasureAllocations(200);
        var large = MeasureAllocations(2200);
        Assert.Equal(small, large);
    }

    private static long MeasureAllocations(int requests)
    {
        var reads = new byte[requests][];
        Array.Fill(reads, Ping);
        var channel = new ScriptedChannel(reads) { KeepWritten = false };
        var loop = new AgentLoop(new DispatchHarness().Dispatcher, new AgentLogger(), () => false);
        using var transport = new ScriptedTransport([channel]);

        // Warm up the JIT and the pooled buffers on one connection first.
        var warmUp = new ScriptedChannel(Ping, Ping, Ping) { KeepWritten = false };
        RunLoop(loop, new ScriptedTransport([warmUp]));

        var before = GC.GetAllocatedBytesForCurrentThread();
        RunLoop(loop, transport);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(requests, channel.Replies);
        return allocated;
    }

    private static void Run(params ScriptedChannel[] channels)
    {
        var loop = new AgentLoop(new DispatchHarness().Dispatcher, new AgentLogger(), () => false);
        RunLoop(loop, new ScriptedTransport(channels));
    }

    private static void RunLoop(AgentLoop loop, ScriptedTransport transport)
    {
        // Every channel call completes synchronously, so the loop runs to the end on this thread.
        var task = loop.RunAsync(transport, CancellationToken.None);
        Assert.True(task.IsCompleted);
        Assert.IsType<EndOfStreamException>(task.Exception?.InnerException);
    }

    /// <summary>Hands out the channels in order, then fails (which ends the loop).</summary>
    private sealed class ScriptedTransport(IReadOnlyList<ScriptedChannel> channels) : IQgaTransport
    {
        private int _next;

        public ValueTask<IQgaChannel> AcceptAsync(CancellationToken cancellationToken)
            => _next < channels.Count ? new ValueTask<IQgaChannel>(channels[_next++]) : throw new EndOfStreamException("no more clients");

        public void Dispose()
        {
        }
    }

    /// <summary>Returns one scripted read per call, then 0 (the client left); records what the agent wrote.</summary>
    private sealed class ScriptedChannel(params byte[][] reads) : IQgaChannel
    {
        private readonly StringBuilder _written = new();
        private int _next;

        public bool FailWrites { get; init; }

        public bool KeepWritten { get; init; } = true;

        public int Replies { get; private set; }

        public string Written => _written.ToString();

        public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
        {
            if (_next == reads.Length)
            {
                return new ValueTask<int>(0);
            }

            var data = reads[_next++];
            data.CopyTo(buffer);
            return new ValueTask<int>(data.Length);
        }

        public ValueTask WriteAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken)
        {
            if (FailWrites)
            {
                throw new IOException("Broken pipe");
            }

            Replies++;
            if (KeepWritten)
            {
                _written.Append(Encoding.Latin1.GetString(data.Span));
            }

            return default;
        }

        public void Dispose()
        {
        }
    }
}
