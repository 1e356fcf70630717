using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace QgaKit.Templates.Tests.Infrastructure;

/// <summary>A scaffolded agent started as a real process on a unix socket, and a client that talks to it.
/// Every read has a timeout; only this process is killed, by its pid.</summary>
public sealed class AgentProcess : IDisposable
{
    private static readonly TimeSpan ReplyTimeout = TimeSpan.FromSeconds(30);
    private readonly Process _process;
    private readonly Socket _socket;
    private readonly StringBuilder _stderr = new();
    private readonly List<byte> _pending = new();

    public AgentProcess(string agentDll, string stateDirectory, params string[] extraArguments)
    {
        SocketPath = Path.Combine(stateDirectory, "agent.sock");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(agentDll);
        foreach (var argument in new[] { "-m", "unix-listen", "-p", SocketPath, "-t", stateDirectory, "-v" })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var argument in extraArguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { lock (_stderr) { _stderr.AppendLine(e.Data); } } };
        _process.OutputDataReceived += (_, e) => { if (e.Data is not null) { lock (_stderr) { _stderr.AppendLine(e.Data); } } };
        _process.Start();
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
        _socket = Connect();
    }

    public string SocketPath { get; }

    /// <summary>What the agent logged so far (stderr and stdout).</summary>
    public string Log
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    /// <summary>Sends one request and returns its reply line without the newline.</summary>
    public string Call(string request)
    {
        _socket.Send(Encoding.UTF8.GetBytes(request + "\n"));
        var buffer = new byte[65536];
        while (true)
        {
            var newline = _pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = Encoding.UTF8.GetString(_pending.GetRange(0, newline).ToArray());
                _pending.RemoveRange(0, newline + 1);
                return line;
            }

            int n;
            try
            {
                n = _socket.Receive(buffer); // bounded by ReceiveTimeout
            }
            catch (SocketException e)
            {
                throw new IOException($"no reply to {request} within {ReplyTimeout}; agent log:\n{Log}", e);
            }

            if (n == 0)
            {
                throw new IOException($"the agent closed the connection; agent log:\n{Log}");
            }

            _pending.AddRange(buffer.AsSpan(0, n).ToArray());
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(10_000);
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    private Socket Connect()
    {
        var deadline = DateTime.UtcNow + ReplyTimeout;
        while (true)
        {
            var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            {
                ReceiveTimeout = (int)ReplyTimeout.TotalMilliseconds,
                SendTimeout = (int)ReplyTimeout.TotalMilliseconds,
            };
            try
            {
                socket.Connect(new UnixDomainSocketEndPoint(SocketPath));
                return socket;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                socket.Dispose();
                Thread.Sleep(50);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new IOException($"could not connect to {SocketPath}; agent log:\n{Log}", e);
            }
        }
    }
}
