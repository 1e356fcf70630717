using System;
using System.Text;
using System.Threading;
using QgaKit.Json;
using Xunit;

namespace QgaKit.Tests.Dispatch;

/// <summary>The hot path: parse, validate, look up, run and write a guest-ping/guest-sync without allocating.</summary>
public class AllocationTests
{
    [Theory]
    [InlineData("{\"execute\":\"guest-ping\"}\n")]
    [InlineData("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":123456789}}\n")]
    [InlineData("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":42},\"id\":\"req-1\"}\n")]
    [InlineData("{\"execute\":\"guest-ping\",\"id\":{\"a\":[1,2]}}\n")]
    public void Round_trip_allocates_nothing_in_steady_state(string text)
    {
        var request = Encoding.UTF8.GetBytes(text);
        var agent = new DispatchHarness(TestCommands.Register);
        var parser = new JsonStreamParser();
        long replyBytes = 0;

        void RoundTrip()
        {
            parser.Append(request);
            while (parser.TryRead(out var result))
            {
                var pending = agent.Dispatcher.DispatchAsync(result, CancellationToken.None);
                Assert.True(pending.IsCompletedSuccessfully);
                replyBytes += pending.Result.Length;
            }
        }

        for (var i = 0; i < 1000; i++)
        {
            RoundTrip();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            RoundTrip();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(replyBytes > 0);
        Assert.Equal(0, allocated);
    }
}
