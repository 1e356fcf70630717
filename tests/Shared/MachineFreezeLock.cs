using System;
using System.IO;
using System.Threading;

namespace QgaKit.Testing;

/// <summary>
/// A machine-wide lock for tests that freeze: an exclusive flock on <see cref="LockPath"/> (what .NET's
/// FileShare.None takes on Linux; <c>flock /tmp/qgakit-freezing.lock CMD</c> takes the same from a script).
/// The xunit collection only serialises one test assembly, but a thaw (qemu-ga's, or any agent's) thaws every
/// mount of the machine and counts them, so freezing tests in other assemblies or processes (the templates'
/// demo freeze, another test run) must not overlap with these.
/// </summary>
public sealed class MachineFreezeLock : IDisposable
{
    public const string LockPath = "/tmp/qgakit-freezing.lock";
    private static readonly TimeSpan WaitLimit = TimeSpan.FromMinutes(10);
    private readonly FileStream _stream;

    private MachineFreezeLock(FileStream stream) => _stream = stream;

    public static MachineFreezeLock Acquire()
    {
        var deadline = DateTime.UtcNow + WaitLimit;
        while (true)
        {
            try
            {
                return new MachineFreezeLock(new FileStream(LockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                // Another freezing test holds it; it always releases in its cleanup.
                Thread.Sleep(200);
            }
        }
    }

    public void Dispose() => _stream.Dispose();
}
