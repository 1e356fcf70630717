using System;
using System.Diagnostics;
using Xunit;

namespace QgaKit.Tests.Hosting;

/// <summary>Start-up failures of the channel, with qemu-ga's texts and exit status 1.</summary>
public class AgentStartupTests
{
    [Fact]
    public void Unix_listen_without_a_path_fails_with_qemu_ga_text()
    {
        var (code, stderr) = RunToExit("-m", "unix-listen");
        Assert.Equal(1, code);
        Assert.Contains("must specify a path for this channel", stderr, StringComparison.Ordinal);
    }

    private static (int Code, string Stderr) RunToExit(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(AgentProcess.AgentDll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(30_000))
        {
            process.Kill();
            throw new TimeoutException("the agent did not exit");
        }

        return (process.ExitCode, stderr.GetAwaiter().GetResult());
    }
}
