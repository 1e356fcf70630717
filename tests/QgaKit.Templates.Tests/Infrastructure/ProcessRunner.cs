using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Text;

namespace QgaKit.Templates.Tests.Infrastructure;

/// <summary>The outcome of one finished command.</summary>
public sealed record ProcessResult(string Command, int ExitCode, string Output)
{
    /// <summary>Throws with the command's whole output unless it exited 0.</summary>
    public ProcessResult EnsureSuccess()
        => ExitCode == 0 ? this : throw new InvalidOperationException($"'{Command}' exited {ExitCode}:\n{Output}");
}

/// <summary>Runs a command to completion with a deadline, capturing stdout and stderr together.</summary>
public static class ProcessRunner
{
    public static ProcessResult Run(string fileName, IEnumerable<string> arguments, string workingDirectory, TimeSpan timeout, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        // Nested builds must not join the test run's MSBuild nodes or build server.
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        start.Environment["DOTNET_CLI_USE_MSBUILD_SERVER"] = "0";
        if (environment is not null)
        {
            foreach (var (key, value) in environment)
            {
                start.Environment[key] = value;
            }
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (output) { output.AppendLine(e.Data); } } };
        process.Start();
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = fileName + " " + string.Join(' ', start.ArgumentList);
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            throw new TimeoutException($"'{command}' did not finish within {timeout}:\n{output}");
        }

        process.WaitForExit(); // flush the asynchronous readers
        lock (output)
        {
            return new ProcessResult(command, process.ExitCode, output.ToString());
        }
    }

    public static ProcessResult Dotnet(string workingDirectory, TimeSpan timeout, params string[] arguments)
        => Run("dotnet", arguments, workingDirectory, timeout);
}
