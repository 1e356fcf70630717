using QgaKit.Protocol;
using QgaKit.Tests.Dispatch;
using Xunit;

namespace QgaKit.Tests.Protocol;

/// <summary>qemu's QDict walk order, which decides which of several bad request members qemu-ga reports.</summary>
public class QdictOrderTests
{
    [Theory]
    [InlineData("zeta", 171)]
    [InlineData("alpha", 509)]
    [InlineData("execute", 299)]
    [InlineData("arguments", 447)]
    [InlineData("id", 486)]
    [InlineData("return", 401)]
    [InlineData("error", 489)]
    [InlineData("enabled", 33)]
    [InlineData("name", 39)]
    [InlineData("success-response", 472)]
    public void Buckets_match_qemu(string key, int bucket) => Assert.Equal(bucket, QdictOrder.Bucket(key));

    // Observed on qemu-ga 7.2.22: the reported member does not depend on request order.
    [Theory]
    [InlineData("{\"zeta\":1,\"alpha\":2,\"execute\":\"guest-ping\"}", "QMP input member 'zeta' is unexpected")]
    [InlineData("{\"alpha\":2,\"zeta\":1,\"execute\":\"guest-ping\"}", "QMP input member 'zeta' is unexpected")]
    [InlineData("{\"arguments\":[],\"execute\":1}", "QMP input member 'execute' must be a string")]
    [InlineData("{\"foo\":1,\"execute\":1}", "QMP input member 'execute' must be a string")]
    [InlineData("{\"foo\":1,\"arguments\":[]}", "QMP input member 'arguments' must be an object")]
    [InlineData("{\"arguments\":[],\"foo\":1}", "QMP input member 'arguments' must be an object")]
    public void Several_bad_members_report_the_one_qemu_ga_reports(string request, string desc)
        => Assert.Equal(RequestValidationTests.Error("GenericError", desc), new DispatchHarness().Send(request));
}
