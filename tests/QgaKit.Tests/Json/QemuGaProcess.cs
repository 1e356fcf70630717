using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace QgaKit.Tests.Json;

/// <summary>
/// The real qemu-ga (Debian's 7.2), started on a unix socket in a temp dir, as the oracle for the JSON layer.
/// Every command but the protocol ones is blocked (random streams must never reach fsfreeze or shutdown).
/// The process is killed by pid and the directory removed on dispose.
/// </summary>
internal sealed class QemuGaProcess : IDisposable
{
    public const string Binary = "/usr/sbin/qemu-ga";

    private const string Blocked =
        "guest-get-cpustats,guest-get-diskstats,guest-ssh-remove-authorized-keys,guest-ssh-add-authorized-keys," +
        "guest-ssh-get-authorized-keys,guest-get-devices,guest-get-osinfo,guest-get-timezone,guest-get-users," +
        "guest-get-host-name,guest-exec,guest-exec-status,guest-get-memory-block-info,guest-set-memory-blocks," +
        "guest-get-memory-blocks,guest-set-user-password,guest-get-fsinfo,guest-get-disks,guest-set-vcpus," +
        "guest-get-vcpus,guest-network-get-interfaces,guest-suspend-hybrid,guest-suspend-ram,guest-suspend-disk," +
        "guest-fstrim,guest-fsfreeze-thaw,guest-fsfreeze-freeze-list,guest-fsfreeze-freeze,guest-fsfreeze-status," +
        "guest-file-flush,guest-file-seek,guest-file-write,guest-file-read,guest-file-close,guest-file-open," +
        "guest-shutdown,guest-set-time,guest-get-time";

    private readonly Process _process;
    private readonly string _dir;
    private readonly Socket _socket;
    private readonly List<byte> _pending = [];

    public static bool IsInstalled => File.Exists(Binary);

    public QemuGaProcess()
    {
        _dir = Directory.CreateTempSubdirectory("qgakit-json-oracle-").FullName;
        string socketPath = Path.Combine(_dir, "qga.sock");
        var start = new ProcessStartInfo(Binary)
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        foreach (var arg in new[] { "-m", "unix-listen", "-p", socketPath, "-t", _dir, "-l", Path.Combine(_dir, "qga.log"), "-b", Blocked })
        {
            start.ArgumentList.Add(arg);
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException("qemu-ga did not start");
        try
        {
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while (!File.Exists(socketPath))
            {
                if (DateTime.UtcNow > deadline || _process.HasExited)
                {
                    throw new InvalidOperationException("qemu-ga did not create its socket");
                }

                Thread.Sleep(20);
            }

            _socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified)
            {
                ReceiveTimeout = 60_000,
                SendTimeout = 60_000,
            };
            _socket.Connect(new UnixDomainSocketEndPoint(socketPath));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Sends <paramref name="bytes"/> and returns every reply line up to and including <paramref name="lastLine"/>.</summary>
    public List<byte[]> SendUntil(byte[] bytes, byte[] lastLine)
    {
        var lines = new List<byte[]>();
        var sender = new Thread(() => _socket.Send(bytes)) { IsBackground = true };
        sender.Start();
        var buffer = new byte[65536];
        while (true)
        {
            int newline = _pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                var line = _pending.GetRange(0, newline).ToArray();
                _pending.RemoveRange(0, newline + 1);
                lines.Add(line);
                if (line.AsSpan().SequenceEqual(lastLine))
                {
                    sender.Join();
                    return lines;
                }

                continue;
            }

            int n = _socket.Receive(buffer); // throws after ReceiveTimeout: the test fails instead of hanging
            if (n == 0)
            {
                throw new IOException("qemu-ga closed the connection");
            }

            _pending.AddRange(buffer.AsSpan(0, n));
        }
    }

    public static byte[] SyncRequest(int id) => Encoding.ASCII.GetBytes("{\"execute\":\"guest-sync\",\"arguments\":{\"id\":" + id + "}}");

    public static byte[] SyncReply(int id) => Encoding.ASCII.GetBytes("{\"return\": " + id + "}");

    public void Dispose()
    {
        _socket?.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
            }

            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
