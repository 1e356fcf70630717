using System;
using System.Threading;
using System.Threading.Tasks;
using QgaKit.Dispatch;
using QgaKit.Hooks;
using QgaKit.Interop;
using QgaKit.Logging;
using QgaKit.Protocol;
using QgaKit.Transports;

namespace QgaKit.Hosting;

/// <summary>The whole agent behind one call: <c>return QgaAgent.Run(args);</c> is a complete Program.cs.
/// Commands and hooks come from every generated module (see <see cref="QgaModules"/>).</summary>
public static partial class QgaAgent
{
    /// <summary>Runs the agent with qemu-ga's command line; returns the process exit code.</summary>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);

        // First act: an inherited SIGCHLD = SIG_IGN would make the kernel reap hook processes before we can wait.
        ChildSignal.ResetIfIgnored();

        var modules = QgaModules.All;
        var hooks = new HookCatalog();
        foreach (var module in modules)
        {
            module.RegisterHooks(hooks);
        }

        var options = TemporaryArgs.Parse(args, out var exitCode);
        if (options is null)
        {
            return exitCode;
        }

        var logger = new AgentLogger();
        var frozen = new FrozenState();
        var table = new CommandTable();
        var delimiter = new ResponseDelimiter();

        var services = new AgentServices();
        services.Add(options);
        services.Add(logger);
        services.Add(frozen);
        services.Add(hooks);
        services.Add(new HookHost());
        services.Add(table);
        services.Add(delimiter);

        foreach (var module in modules)
        {
            module.RegisterCommands(table, services);
        }

        _ = new CommandFilter(table, frozen, options.BlockRpcs, options.AllowRpcs);
        var dispatcher = new Dispatcher(table, delimiter, logger);

        using var stop = new CancellationTokenSource();
        using var signals = new ShutdownSignals(frozen, logger, stop);
        var loop = new AgentLoop(dispatcher, logger, () => signals.ExitAfterReply);
        return RunLoopAsync(options, loop, logger, stop.Token).GetAwaiter().GetResult();
    }

    private static async Task<int> RunLoopAsync(AgentOptions options, AgentLoop loop, AgentLogger logger, CancellationToken stop)
    {
        IQgaTransport transport;
        try
        {
            transport = TransportSelection.Create(options);
        }
        catch (TransportSetupException e)
        {
            if (e.GlibCritical)
            {
                // GLib's default handler format: qemu-ga checks the path before its own logger is set up.
                var now = DateTime.Now;
                Console.Error.Write($"\n** (process:{Environment.ProcessId}): CRITICAL **: {now:HH:mm:ss.fff}: {e.Lines[0]}\n");
            }
            else
            {
                foreach (var line in e.Lines)
                {
                    logger.TryLog(LogLevel.Critical, line);
                }
            }

            return 1;
        }

        using (transport)
        {
            try
            {
                await loop.RunAsync(transport, stop).ConfigureAwait(false);
                return 0;
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return 0;
            }
            catch (Exception e) when (e is System.IO.IOException or System.Net.Sockets.SocketException)
            {
                logger.TryLog(LogLevel.Critical, "error reading channel: " + e.Message);
                return 1;
            }
        }
    }
}
