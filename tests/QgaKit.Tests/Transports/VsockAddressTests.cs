using QgaKit.Transports;
using Xunit;

namespace QgaKit.Tests.Transports;

/// <summary><c>-p CID:PORT</c> parsing and texts, as qemu-ga 7.2 printed them.</summary>
public class VsockAddressTests
{
    [Theory]
    [InlineData("3:1234", 3u, 1234u)]
    [InlineData("4294967295:1", uint.MaxValue, 1u)]
    [InlineData("-1:5", uint.MaxValue, 5u)]
    [InlineData("2:0", 2u, 0u)]
    public void Valid_addresses(string text, uint cid, uint port)
        => Assert.Equal((cid, port), VsockAddress.Parse(text));

    [Theory]
    [InlineData("1", "error parsing address '1'")]
    [InlineData(":5", "error parsing address ':5'")]
    [InlineData("3:", "error parsing address '3:'")]
    [InlineData("x:5", "Failed to parse cid 'x'")]
    [InlineData("3:x", "Failed to parse port 'x'")]
    [InlineData("1:2:3", "Failed to parse port '2:3'")]
    [InlineData("1:99999999999", "Failed to parse port '99999999999'")]
    [InlineData("1:2,x", "trailing characters in address '1:2,x'")]
    public void Invalid_addresses_give_qemu_texts(string text, string message)
        => Assert.Equal(message, Assert.Throws<TransportException>(() => VsockAddress.Parse(text)).Message);
}
