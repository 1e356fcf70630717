using System;

namespace QgaKit.Hosting;

// CONTRACT STUB (lead): the agent-core helper implements Run (signals, options, logging, transport, loop).

/// <summary>The whole agent behind one call: <c>return QgaAgent.Run(args);</c> is a complete Program.cs.
/// Commands and hooks come from every generated module (see <see cref="Dispatch.QgaModules"/>).</summary>
public static partial class QgaAgent
{
    /// <summary>Runs the agent with qemu-ga's command line; returns the process exit code.</summary>
    public static int Run(string[] args) => throw new NotImplementedException();
}
