using System.Text;
using QgaKit.Tests.Dispatch;
using Xunit;

namespace QgaKit.Tests.Protocol;

/// <summary>guest-sync-delimited's 0xFF goes in front of its own reply only (reference 1.5).</summary>
public class SyncDelimiterTests
{
    private const string Stray = "{\"error\": {\"class\": \"GenericError\", \"desc\": \"JSON parse error, stray '\\uFFFD'\"}}\n";

    [Fact]
    public void Delimited_sync_reply_starts_with_0xFF()
        => Assert.Equal("\u00FF{\"return\": 5678}\n", new DispatchHarness().Send("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":5678}}\n"));

    [Fact]
    public void Client_0xFF_then_delimited_sync_resynchronises()
    {
        var request = Concat([0xFF], "{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":42}}\n");
        Assert.Equal(Stray + "\u00FF{\"return\": 42}\n", new DispatchHarness().Send(request));
    }

    [Fact]
    public void Sentinel_goes_before_the_id_too()
        => Assert.Equal(
            "\u00FF{\"return\": 3, \"id\": \"x\"}\n",
            new DispatchHarness().Send("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":3},\"id\":\"x\"}"));

    [Fact]
    public void Sentinel_is_one_shot()
        => Assert.Equal(
            "\u00FF{\"return\": 1}\n{\"return\": 2}\n{\"return\": {}}\n",
            new DispatchHarness().Send("{\"execute\":\"guest-sync-delimited\",\"arguments\":{\"id\":1}}{\"execute\":\"guest-sync\",\"arguments\":{\"id\":2}}{\"execute\":\"guest-ping\"}"));

    [Fact]
    public void Failed_delimited_sync_sends_no_sentinel()
        => Assert.Equal(
            RequestValidationTests.Error("GenericError", "Parameter 'id' is missing") + "{\"return\": {}}\n",
            new DispatchHarness().Send("{\"execute\":\"guest-sync-delimited\"}{\"execute\":\"guest-ping\"}"));

    [Fact]
    public void Every_client_0xFF_gets_its_own_error_and_resets_a_partial_request()
    {
        var request = Concat(Encoding.UTF8.GetBytes("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":"), [0xFF, 0xFF, 0xFE], "{\"execute\":\"guest-sync\",\"arguments\":{\"id\":5}}\n");
        Assert.Equal(Stray + Stray + Stray + "{\"return\": 5}\n", new DispatchHarness().Send(request));
    }

    private static byte[] Concat(byte[] prefix, string text) => [.. prefix, .. Encoding.UTF8.GetBytes(text)];

    private static byte[] Concat(byte[] a, byte[] b, string text) => [.. a, .. b, .. Encoding.UTF8.GetBytes(text)];
}
