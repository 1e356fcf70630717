using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using QgaKit.Hosting;
using Xunit;

namespace QgaKit.Tests.Hosting.Daemon;

public sealed class SystemdNotifyTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("qgakit-notify-").FullName;

    [Fact]
    public void Sends_ready_to_a_socket_path()
    {
        var path = Path.Combine(_directory, "notify");
        using var socket = Listen(path);
        Assert.True(SystemdNotify.Notify("READY=1", path));
        Assert.Equal("READY=1", Receive(socket));
    }

    [Fact]
    public void Sends_ready_to_an_abstract_socket()
    {
        var name = "qgakit-test-" + Guid.NewGuid().ToString("N");
        using var socket = Listen("\0" + name);
        Assert.True(SystemdNotify.Notify("READY=1\nMAINPID=42", "@" + name));
        Assert.Equal("READY=1\nMAINPID=42", Receive(socket));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("relative")]
    public void Does_nothing_without_a_usable_socket(string? value)
    {
        Assert.False(SystemdNotify.Notify("READY=1", value));
    }

    [Fact]
    public void A_socket_nobody_listens_on_is_not_fatal()
    {
        Assert.False(SystemdNotify.Notify("READY=1", Path.Combine(_directory, "nobody")));
    }

    public void Dispose() => Directory.Delete(_directory, true);

    private static Socket Listen(string path)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
        socket.Bind(new UnixDomainSocketEndPoint(path));
        socket.ReceiveTimeout = 10_000;
        return socket;
    }

    private static string Receive(Socket socket)
    {
        var buffer = new byte[256];
        var n = socket.Receive(buffer);
        return Encoding.UTF8.GetString(buffer, 0, n);
    }
}
