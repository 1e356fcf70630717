using System;
using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;
using QgaKit.Hooks;
using QgaKit.Hosting.CommandLine;
using QgaKit.Interop;
using Xunit;

namespace QgaKit.Tests.Hosting.CommandLine;

public class SocketActivationTests
{
    private static string? Detect(Dictionary<string, string> environment, int family, out string? error, out bool cleared, bool fdsOpen = true)
    {
        var wasCleared = false;
        var method = SocketActivation.Detect(
            name => environment.TryGetValue(name, out var value) ? value : null,
            4242,
            _ => fdsOpen,
            _ => family,
            () => wasCleared = true,
            out error);
        cleared = wasCleared;
        return method;
    }

    [Theory]
    [InlineData(SocketActivationFds.AF_UNIX, "unix-listen")]
    [InlineData(SocketActivationFds.AF_VSOCK, "vsock-listen")]
    public void One_socket_of_this_process_picks_the_method(int family, string method)
    {
        var environment = new Dictionary<string, string> { ["LISTEN_PID"] = "4242", ["LISTEN_FDS"] = "1" };
        Assert.Equal(method, Detect(environment, family, out var error, out var cleared));
        Assert.Null(error);
        Assert.True(cleared);
    }

    [Theory]
    [InlineData("4243", "1")]
    [InlineData(null, "1")]
    [InlineData("4242", null)]
    [InlineData("4242", "x")]
    [InlineData("4242", "0")]
    public void Variables_for_another_process_or_malformed_ones_are_ignored(string? pid, string? fds)
    {
        var environment = new Dictionary<string, string>();
        if (pid is not null)
        {
            environment["LISTEN_PID"] = pid;
        }

        if (fds is not null)
        {
            environment["LISTEN_FDS"] = fds;
        }

        Assert.Null(Detect(environment, SocketActivationFds.AF_UNIX, out var error, out var cleared));
        Assert.Null(error);
        Assert.False(cleared);
    }

    [Fact]
    public void Closed_descriptors_mean_no_activation()
    {
        var environment = new Dictionary<string, string> { ["LISTEN_PID"] = "4242", ["LISTEN_FDS"] = "1" };
        Assert.Null(Detect(environment, SocketActivationFds.AF_UNIX, out var error, out _, fdsOpen: false));
        Assert.Null(error);
    }

    [Fact]
    public void Two_sockets_or_a_tcp_socket_are_qemu_gas_errors()
    {
        var two = new Dictionary<string, string> { ["LISTEN_PID"] = "4242", ["LISTEN_FDS"] = "2" };
        Assert.Null(Detect(two, SocketActivationFds.AF_UNIX, out var error, out _));
        Assert.Equal("qemu-ga only supports listening on one socket", error);
        var one = new Dictionary<string, string> { ["LISTEN_PID"] = "4242", ["LISTEN_FDS"] = "1" };
        Assert.Null(Detect(one, 2, out error, out _));
        Assert.Equal("unsupported listen fd type", error);
    }

    [Fact]
    public void Address_family_comes_from_the_real_socket()
    {
        using var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        using var tcp = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Assert.Equal(SocketActivationFds.AF_UNIX, SocketActivationFds.AddressFamily((int)unix.Handle));
        Assert.Equal(2, SocketActivationFds.AddressFamily((int)tcp.Handle));
        Assert.Equal(-1, SocketActivationFds.AddressFamily(0x7fff));
    }

    [Fact]
    public void Activation_overrides_method_and_path_and_needs_no_path()
    {
        var stdout = new StringWriter();
        var result = AgentCommandLine.Parse(
            new[] { "-m", "isa-serial", "-p", "/dev/ttyS1", "-D" },
            "qga",
            new HookCatalog(),
            stdout,
            new StringWriter(),
            Array.Empty<string>,
            _ => null,
            "1",
            Activated);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("[general]\ndaemon=false\nmethod=unix-listen\npidfile=/var/run/qemu-ga.pid\nstatedir=/var/run\nverbose=false\nretry-path=false\nblock-rpcs=\n", stdout.ToString());

        var run = AgentCommandLine.Parse(new[] { "-m", "vsock-listen" }, "qga", new HookCatalog(), stdout, new StringWriter(), Array.Empty<string>, _ => null, "1", Activated);
        Assert.True(run.Options!.SocketActivated);
        Assert.Null(run.Options.Path);
        Assert.Equal("unix-listen", run.Options.Method);
    }

    [Fact]
    public void Broken_activation_is_fatal()
    {
        var stderr = new StringWriter();
        var result = AgentCommandLine.Parse(Array.Empty<string>(), "qga", new HookCatalog(), new StringWriter(), stderr, Array.Empty<string>, _ => null, "1", Broken);
        Assert.Equal(1, result.ExitCode);
        Assert.EndsWith("qemu-ga only supports listening on one socket\n", stderr.ToString(), StringComparison.Ordinal);
    }

    private static string? Activated(out string? error)
    {
        error = null;
        return "unix-listen";
    }

    private static string? Broken(out string? error)
    {
        error = "qemu-ga only supports listening on one socket";
        return null;
    }
}
