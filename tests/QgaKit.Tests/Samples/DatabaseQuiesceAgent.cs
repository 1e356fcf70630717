using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Runtime.Versioning;
using System.Text;
using QgaKit.Tests.Conformance;
using QgaKit.Tests.Hooks;

namespace QgaKit.Tests.Samples;

/// <summary>
/// samples/DatabaseQuiesce (<c>database-quiesce.dll</c>, copied next to the tests by the project reference) as a
/// real process: <c>-m unix-listen -p DIR/sock -t DIR --db-quiesce-hook=DIR/db-quiesce-hook</c>, DIR being a
/// private (trusted) scratch directory that also holds the agent's state (the session file) and the hook's
/// records. Talks through the conformance client; disposing kills the agent by pid and removes DIR.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class DatabaseQuiesceAgent : IDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(60);
    private readonly HookScratch _scratch;
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private QgaClient? _client;

    private DatabaseQuiesceAgent(HookScratch scratch, Process process)
    {
        _scratch = scratch;
        _process = process;
        _process.OutputDataReceived += (_, e) => Capture(e.Data);
        _process.ErrorDataReceived += (_, e) => Capture(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public static string AgentDll => Path.Combine(AppContext.BaseDirectory, "database-quiesce.dll");

    /// <summary>The example hook the sample ships, copied next to the agent by its project.</summary>
    public static string ExampleHook => Path.Combine(AppContext.BaseDirectory, "hooks", "db-quiesce-hook");

    public string Directory => _scratch.Root;

    /// <summary>Where the agent hands the session to the hook (<c>&lt;state-dir&gt;/db-quiesce.session</c>).</summary>
    public string SessionFile => _scratch.PathOf("db-quiesce.session");

    /// <summary>
    /// Starts the agent with <paramref name="hookScript"/> (the whole file, <c>#!</c> line included) as its
    /// db-quiesce hook. <paramref name="environment"/>, given the agent's directory, returns variables to add to
    /// the agent's environment, which its hooks inherit.
    /// </summary>
    public static DatabaseQuiesceAgent Start(string hookScript, Func<string, IReadOnlyDictionary<string, string>>? environment = null)
    {
        var scratch = new HookScratch();
        try
        {
            var hook = scratch.Write("db-quiesce-hook", hookScript, "755");
            var emptyConfig = scratch.Write("qemu-ga.conf", string.Empty, "644"); // keeps /etc/qemu/qemu-ga.conf out
            var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";
            var start = new ProcessStartInfo(dotnet)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = scratch.Root,
            };
            foreach (var arg in (string[])[AgentDll, "-m", "unix-listen", "-p", scratch.PathOf("sock"), "-t", scratch.Root, "--db-quiesce-hook=" + hook])
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["QGA_CONF"] = emptyConfig;
            foreach (var (name, value) in environment?.Invoke(scratch.Root) ?? new Dictionary<string, string>())
            {
                start.Environment[name] = value;
            }

            var process = Process.Start(start);
            if (process is null)
            {
                throw new InvalidOperationException("dotnet did not start");
            }

            var agent = new DatabaseQuiesceAgent(scratch, process);
            try
            {
                agent._client = agent.Connect();
                return agent;
            }
            catch
            {
                agent.Dispose(); // kills the agent and removes the scratch dir
                throw;
            }
        }
        catch
        {
            scratch.Dispose();
            throw;
        }
    }

    public string PathOf(string name) => _scratch.PathOf(name);

    /// <summary>Sends one request and returns its reply line (without the newline).</summary>
    public string Call(string request)
    {
        var client = _client ?? throw new InvalidOperationException("not connected");
        client.Send(Encoding.UTF8.GetBytes(request + "\n"));
        try
        {
            return client.TakeThrough(_ => true, ReplyTimeout)[0].Text;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"no reply to {request}; {Describe()}", e);
        }
    }

    /// <summary>Closes the connection and opens a new one, as a host tool does between calls.</summary>
    public void Reconnect()
    {
        _client?.Dispose();
        _client = Connect();
    }

    public void Dispose()
    {
        _client?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: false); // this agent only, by its pid
                _process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already reaped.
        }

        _process.Dispose();
        _scratch.Dispose();
    }

    private QgaClient Connect()
    {
        try
        {
            return QgaClient.Connect(PathOf("sock"), AgentProcess.StartTimeout, "database-quiesce", () => _process.HasExited);
        }
        catch (System.Net.Sockets.SocketException e)
        {
            throw new InvalidOperationException($"the agent did not accept a connection: {e.Message}; {Describe()}", e);
        }
    }

    private string Describe()
    {
        lock (_output)
        {
            return $"agent {(_process.HasExited ? "exited with " + _process.ExitCode : "running")}; output: {_output}";
        }
    }

    private void Capture(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
